package org.dossier.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * News-like articles of 150 to 300 words about trade and export controls, made from sentence patterns of our own
 * with varied officials, places, items and numbers. Deterministic for a seed, and unique per serial number.
 */
final class ArticleGenerator {

    private static final List<String> OFFICIALS = List.of(
            "the commerce minister", "a trade envoy", "the treasury secretary", "a customs spokesperson",
            "the vice premier", "an industry association head", "a senior negotiator",
            "the deputy trade representative", "a ministry spokesperson", "the chancellor", "the economy minister",
            "a foreign ministry official", "the prime minister", "a central bank governor", "the industry minister",
            "an export control official", "the ambassador", "a government adviser", "the finance minister",
            "a cabinet secretary", "the president's chief of staff", "a defence ministry official",
            "the head of the customs agency", "a parliamentary trade chair");
    private static final List<String> COUNTRIES = List.of(
            "China", "the United States", "Japan", "the Netherlands", "Germany", "South Korea", "the United Kingdom",
            "India", "Brazil", "Vietnam", "France", "Italy", "Canada", "Mexico", "Australia", "Indonesia", "Malaysia",
            "Taiwan", "Chile", "South Africa", "Turkey", "Poland");
    private static final List<String> ITEMS = List.of(
            "rare earth magnets", "gallium", "germanium", "advanced AI chips", "chip design software",
            "aircraft engine parts", "ethane", "graphite", "antimony", "lithography tools", "nuclear plant equipment",
            "samarium", "tungsten", "dysprosium", "terbium", "cobalt", "lithium hydroxide", "battery cathodes",
            "drone components", "memory chips", "high-bandwidth memory", "silicon wafers", "machine tools",
            "satellite parts", "indium", "bismuth", "polysilicon", "nickel ore", "steel tubes", "solar panels");
    private static final List<String> CITIES = List.of(
            "Geneva", "London", "Stockholm", "Busan", "Madrid", "Kuala Lumpur", "Washington", "Beijing", "Brussels",
            "Tokyo", "Paris", "Singapore", "Jakarta", "Seoul", "New Delhi", "Ottawa", "Canberra", "Rome", "Berlin",
            "The Hague", "Hanoi", "Santiago", "Ankara", "Warsaw");
    private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");
    /**
     * Sentence patterns; {a|b|c} picks one phrasing. With only fixed patterns, two unrelated generated articles shared
     * a tenth of their word 3-grams (Jaccard 0.11), four to eighteen times what two real reports of the same story share
     * (0.006 to 0.032 between the seed articles), which floods a near-duplicate index with false candidates. The
     * alternatives and longer lists bring unrelated generated articles to 0.037 on average, still a little above what
     * real reports of one story share.
     */
    private static final List<String> PATTERNS = List.of(
            "%O {said|stated|told reporters|confirmed|indicated} on %D that {licences|permits|export approvals} for %I would be {reviewed case by case|examined one by one|granted only after a security check}.",
            "{Exports|Shipments|Overseas sales} of %I from %C {fell|dropped|declined|slid} by %N percent in the {month|weeks|quarter} after the new rules took effect.",
            "Negotiators {met|gathered|sat down} in %P for %N hours and {agreed|promised|decided} to meet again before the end of %M.",
            "According to %O, the {measures|restrictions|curbs|controls} on %I are {meant|intended|designed} to protect national security.",
            "{Industry groups|Manufacturers|Trade associations|Factory owners} in %C warned that {shortages|a lack|scarcity} of %I could {halt|stop|disrupt} production lines within {weeks|days|a month}.",
            "%O told {reporters|journalists|a press briefing} in %P that no {decision|final decision|ruling} had been {taken|made|reached} on %I.",
            "The {suspension|pause|delay} of higher tariffs was extended by %N days, {officials|diplomats|government sources} in %C confirmed.",
            "{Analysts|Researchers|Consultants|Economists} estimate that %N percent of the world's {supply|output|production} of %I {passes through|comes from|is refined in} %C.",
            "A {delegation|team|group of officials} from %C arrived in %P on %D for {a further|another|a new} round of {talks|negotiations|consultations}.",
            "{Customs data|Official figures|Trade statistics} showed that {shipments|deliveries|cargoes} of %I to %C {resumed|restarted|picked up} in %M.",
            "%O {called on|urged|asked} {partners|allies|trading partners} to avoid {measures|steps|actions} that {disrupt|damage|break} supply chains for %I.",
            "{Companies|Firms|Exporters} applying for {export licences|permits} for %I now wait about %N days for {an answer|a decision|approval}.",
            "The {talks|meeting|negotiations} in %P ended without a joint statement, according to {people briefed on them|two people familiar with them|a person present}.",
            "{Officials|Authorities|Regulators} in %C said the list of controlled {items|goods|products} could {grow|expand|be widened} to include %I.",
            "%O described the {meeting|talks|session} in %P as {candid and constructive|frank|productive|difficult but useful}.",
            "{Buyers|Importers|Stockists} in %C have {built up|accumulated|hoarded} {stocks|inventories|reserves} of %I since %M, {traders|brokers|dealers} said.",
            "The rule applies to {products|goods|components} containing more than %N percent of %I by {value|weight}.",
            "A spokesperson for %C said the country would {answer|respond to|retaliate against} any new restrictions on %I {in kind|with measures of its own|firmly}.",
            "Prices of %I {rose|climbed|jumped|increased} %N percent in %M as {exporters|sellers|producers} waited for approvals.",
            "%O said further steps on %I {depend on|hinge on|will follow} progress at the next {meeting|round|session} in %P.",
            "{Shares|Stocks} of {chipmakers|magnet producers|mining companies|equipment makers} in %C {rose|fell|swung} after the {announcement|decision|news} on %I.",
            "{Lawmakers|Legislators|Members of parliament} in %C asked the government to {publish|explain|justify} its {criteria|rules|reasons} for %I licences.",
            "The {agreement|framework|understanding} reached in %P covers %I and {several|a handful of|about %N} other {products|goods|items}.",
            "{Port officials|Shipping agents|Logistics firms} in %P reported {delays|backlogs|hold-ups} of up to %N days for {cargoes|containers|shipments} of %I.",
            "%O {declined|refused} to {say|comment on|confirm} whether {exemptions|waivers|carve-outs} for %I were {on the table|being discussed|under review}.",
            "{Under|According to} the new {rules|regulations|notice}, {exporters|suppliers|sellers} of %I must {report|declare|disclose} the {end user|final buyer|destination} of every {shipment|order|contract}.",
            "{Diplomats|Envoys|Negotiators} from %C and the other side {spoke|talked|held a call} on %D about {easing|relaxing|loosening} the {curbs|limits|controls} on %I.",
            "{Automakers|Car makers|Electronics firms|Defence contractors} in %C {said|warned|reported} that {their|existing} {stocks|supplies} of %I would last {only|barely|about} %N {days|weeks}.",
            "{Environmental|Local|Provincial} {inspectors|authorities|officials} closed %N {smelters|mines|refineries} of %I in %C in %M.",
            "The {ministry|department|agency} in %C {issued|granted|approved} %N {licences|permits} for %I {last month|in %M|since %D}.",
            "{Observers|Commentators|Trade lawyers} {in %P|in %C|abroad} {expect|predict|doubt} that the {dispute|standoff|quarrel} over %I will be {settled|resolved|over} {soon|this year|before %M}.",
            "%O {announced|unveiled|presented} a {fund|programme|plan} worth %N {million|billion} to {secure|diversify|build up} supplies of %I.");
    /** Named speakers of our own invention, with their posts, for articles that must yield attributed statements. */
    private static final List<String> POSTS = List.of("Trade Minister", "Commerce Secretary", "Industry Minister",
            "Deputy Trade Representative", "Economy Minister", "Foreign Minister", "Customs Commissioner");
    private static final List<String> GIVEN_NAMES = List.of("Lena", "Tomas", "Ines", "Marek", "Aiko", "Rafael", "Sunita",
            "Oskar", "Mireille", "Darius", "Helga", "Yusuf", "Carmen", "Pieter");
    private static final List<String> FAMILY_NAMES = List.of("Halvorsen", "Brandt", "Okafor", "Varga", "Lindqvist",
            "Moreau", "Tanaka", "Kowalczyk", "Ferreira", "Nakamura", "Van Dijk", "Petrov", "Sandoval", "Ekström");
    private static final List<String> SPEAKER_PATTERNS = List.of(
            "%S {said|told reporters|stated} on %D that {licences|permits|export approvals} for %I would be {reviewed case by case|granted only after a security check}.",
            "\\\"We will {keep|maintain|tighten} the {controls|restrictions|curbs} on %I {for now|until the talks conclude|as long as necessary},\\\" %L said in %P.",
            "%S {warned|said} that {restrictions|curbs|controls} on %I {were hurting|would hurt|could disrupt} {factories|manufacturers|supply chains} in %C.");
    private final SplittableRandom random;

    ArticleGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** One article as a line of ingest NDJSON. */
    String ndjsonLine(long serial) {
        int sentences = 8 + random.nextInt(8);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            String sentence = fill(phrasing(pick(PATTERNS)));
            text.append(Character.toUpperCase(sentence.charAt(0))).append(sentence, 1, sentence.length()).append(' ');
        }
        text.append("Report ").append(serial).append('.');
        String title = "Trade controls update " + serial + ": " + pick(ITEMS);
        String date = String.format("2025-%02d-%02dT%02d:00:00Z", 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24));
        return "{\"text\":\"" + text + "\",\"title\":\"" + title + "\",\"source\":\"Bench Wire\",\"publishedAt\":\"" + date + "\"}";
    }

    /**
     * One article as a line of ingest NDJSON that opens with a named official's statements (indirect, then quoted) about
     * a controlled item, so that analysis has something to attribute; the rest is as {@link #ndjsonLine}.
     */
    String ndjsonLineWithStatements(long serial) {
        String family = pick(FAMILY_NAMES);
        String speaker = pick(POSTS) + " " + pick(GIVEN_NAMES) + " " + family;
        StringBuilder opening = new StringBuilder();
        for (String pattern : SPEAKER_PATTERNS) {
            opening.append(fill(phrasing(pattern)).replace("%S", speaker).replace("%L", family)).append(' ');
        }
        String line = ndjsonLine(serial);
        String textStart = "{\"text\":\"";
        return textStart + opening + line.substring(textStart.length());
    }

    private String fill(String sentence) {
        return sentence.replace("%O", pick(OFFICIALS)).replace("%C", pick(COUNTRIES)).replace("%I", pick(ITEMS))
                .replace("%P", pick(CITIES)).replace("%M", pick(MONTHS)).replace("%N", Integer.toString(2 + random.nextInt(180)))
                .replace("%D", pick(MONTHS) + " " + (1 + random.nextInt(28)));
    }

    /** Picks one alternative of each {a|b|c} group. */
    private String phrasing(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        int i = 0;
        while (i < pattern.length()) {
            int open = pattern.indexOf('{', i);
            if (open < 0) {
                out.append(pattern, i, pattern.length());
                break;
            }
            int close = pattern.indexOf('}', open);
            String[] choices = pattern.substring(open + 1, close).split("\\|");
            out.append(pattern, i, open).append(choices[random.nextInt(choices.length)]);
            i = close + 1;
        }
        return out.toString();
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }
}
