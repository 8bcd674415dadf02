package org.dossier.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * News-like articles of 150 to 300 words about trade and export controls, made from sentence patterns of our own
 * with varied officials, places, items and numbers. Deterministic for a seed, and unique per serial number.
 */
final class ArticleGenerator {

    private static final List<String> OFFICIALS = List.of("the commerce minister", "a trade envoy", "the treasury secretary",
            "a customs spokesperson", "the vice premier", "an industry association head", "a senior negotiator",
            "the deputy trade representative", "a ministry spokesperson", "the chancellor");
    private static final List<String> COUNTRIES = List.of("China", "the United States", "Japan", "the Netherlands", "Germany",
            "South Korea", "the United Kingdom", "India", "Brazil", "Vietnam");
    private static final List<String> ITEMS = List.of("rare earth magnets", "gallium", "germanium", "advanced AI chips",
            "chip design software", "aircraft engine parts", "ethane", "graphite", "antimony", "lithography tools",
            "nuclear plant equipment", "samarium");
    private static final List<String> CITIES = List.of("Geneva", "London", "Stockholm", "Busan", "Madrid", "Kuala Lumpur",
            "Washington", "Beijing", "Brussels", "Tokyo");
    private static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");
    private static final List<String> PATTERNS = List.of(
            "%O said on %D that licences for %I would be reviewed case by case.",
            "Exports of %I from %C fell by %N percent in the month after the new rules took effect.",
            "Negotiators met in %P for %N hours and agreed to meet again before the end of %M.",
            "According to %O, the measures on %I are meant to protect national security.",
            "Industry groups in %C warned that shortages of %I could halt production lines within weeks.",
            "%O told reporters in %P that no decision had been taken on %I.",
            "The suspension of higher tariffs was extended by %N days, officials in %C confirmed.",
            "Analysts estimate that %N percent of the world's supply of %I passes through %C.",
            "A delegation from %C arrived in %P on %D for a further round of talks.",
            "Customs data showed that shipments of %I to %C resumed in %M.",
            "%O called on partners to avoid measures that disrupt supply chains for %I.",
            "Companies applying for export licences for %I now wait about %N days for an answer.",
            "The talks in %P ended without a joint statement, according to people briefed on them.",
            "Officials in %C said the list of controlled items could grow to include %I.",
            "%O described the meeting in %P as candid and constructive.",
            "Buyers in %C have built up stocks of %I since %M, traders said.",
            "The rule applies to products containing more than %N percent of %I by value.",
            "A spokesperson for %C said the country would answer any new restrictions on %I in kind.",
            "Prices of %I rose %N percent in %M as exporters waited for approvals.",
            "%O said further steps on %I depend on progress at the next meeting in %P.");

    private final SplittableRandom random;

    ArticleGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** One article as a line of ingest NDJSON. */
    String ndjsonLine(long serial) {
        int sentences = 8 + random.nextInt(8);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            String sentence = pick(PATTERNS);
            sentence = sentence.replace("%O", pick(OFFICIALS)).replace("%C", pick(COUNTRIES)).replace("%I", pick(ITEMS))
                    .replace("%P", pick(CITIES)).replace("%M", pick(MONTHS)).replace("%N", Integer.toString(2 + random.nextInt(180)))
                    .replace("%D", pick(MONTHS) + " " + (1 + random.nextInt(28)));
            text.append(Character.toUpperCase(sentence.charAt(0))).append(sentence, 1, sentence.length()).append(' ');
        }
        text.append("Report ").append(serial).append('.');
        String title = "Trade controls update " + serial + ": " + pick(ITEMS);
        String date = String.format("2025-%02d-%02dT%02d:00:00Z", 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24));
        return "{\"text\":\"" + text + "\",\"title\":\"" + title + "\",\"source\":\"Bench Wire\",\"publishedAt\":\"" + date + "\"}";
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }
}
