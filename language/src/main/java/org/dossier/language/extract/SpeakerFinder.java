package org.dossier.language.extract;

import org.dossier.language.knowledge.KnowledgeBase;
import org.dossier.language.model.EntityKind;
import org.dossier.language.model.Mention;
import org.dossier.language.model.SpeakerKind;
import org.dossier.language.model.Span;
import org.dossier.language.nlp.Sentence;
import org.dossier.language.nlp.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who a phrase of the text names as speaker: the entity found there (a person, a body, a country as its government),
 * a pronoun's or a role noun's antecedent ("he", "the Secretary": the person named before), a group ("both sides",
 * "Secretary Yellen and Vice Premier He"), or an anonymous source ("officials", "a spokesperson"). Word lists come
 * from the cues file; the rest reads the parse's relations.
 */
final class SpeakerFinder {

    private static final Set<String> SUBJECT_EXCLUDED = Set.of("appos", "acl", "punct", "parataxis", "dep", "ccomp");
    private static final Set<String> REPORT_HEADS = Set.of("report", "reports", "article", "statement", "analysis", "survey", "story");

    private final KnowledgeBase.Cues cues;

    SpeakerFinder(KnowledgeBase kb) {
        this.cues = kb.cues;
    }

    /** The speaker a subject token stands for, or null when it is the author's voice or not a speaker at all. */
    SpeakerRef ofSubject(String text, Sentence s, int head, ArticleEntities entities, List<StatementDraft> before,
                         List<StatementDraft> sameSentence) {
        Token h = s.token(head);
        String word = h.text().toLowerCase(Locale.ROOT);
        List<Integer> tokens = s.subtree(head, SUBJECT_EXCLUDED);
        int first = tokens.get(0);
        int last = tokens.get(tokens.size() - 1);
        while (first < head && (s.relationOf(first).equals("case") || s.token(first).isPunctuation())) {
            first++; // "from informed sources" is attributed to "informed sources"
        }
        while (last > first && s.token(last).isPunctuation()) {
            last--;
        }
        Span span = new Span(s.token(first).begin(), s.token(last).end());
        String written = text.substring(span.start(), span.end());
        Optional<Mention> atHead = entities.at(tokenSpan(s, head));
        if (atHead.isEmpty()) {
            // A title heading the phrase: "Director Larry Hassett", "Chancellor Reeves".
            for (int c : s.children(head)) {
                String rel = s.relationOf(c);
                Optional<Mention> m = entities.at(tokenSpan(s, c));
                if ((rel.equals("dep") || rel.startsWith("compound") || rel.equals("flat") || rel.equals("appos"))
                        && m.isPresent() && m.get().kind() == EntityKind.PERSON) {
                    atHead = m;
                }
            }
        }
        List<Integer> conjuncts = s.children(head, "conj");
        if (!conjuncts.isEmpty()) {
            // "Secretary Yellen and Vice Premier He announced": a group naming each.
            List<Mention> named = entities.within(span).stream()
                    .filter(m -> m.kind() == EntityKind.PERSON || m.kind() == EntityKind.ORGANIZATION || m.kind() == EntityKind.COUNTRY)
                    .toList();
            if (named.stream().map(Mention::entityKey).distinct().count() > 1) {
                return new SpeakerRef(written, span, null, SpeakerKind.GROUP);
            }
        }
        if (atHead.isEmpty() && h.pos().startsWith("PRP") && !h.pos().equals("PRP$")) {
            if (word.equals("he") || word.equals("she")) {
                Optional<StatementDraft> speaker = lastSpeaker(before, sameSentence, Set.of(SpeakerKind.PERSON));
                Optional<Mention> person = entities.lastBefore(h.begin(), EntityKind.PERSON);
                // The person named last, unless a statement's speaker came after that name.
                if (speaker.isPresent() && (person.isEmpty() || speaker.get().span.start() > person.get().span().start()
                        || speaker.get().speakerKey.equals(person.get().entityKey()))) {
                    return new SpeakerRef(written, span, speaker.get().speakerKey, speaker.get().speakerKind);
                }
                return person.map(p -> new SpeakerRef(written, span, p.entityKey(), SpeakerKind.PERSON)).orElse(null);
            }
            if (word.equals("they")) {
                return lastSpeaker(before, sameSentence, Set.of(SpeakerKind.GOVERNMENT, SpeakerKind.GROUP, SpeakerKind.ORGANIZATION))
                        .map(p -> new SpeakerRef(written, span, p.speakerKey, p.speakerKind)).orElse(null);
            }
            return null; // I, we, it, you: the author's voice or nothing to attribute
        }
        if (atHead.isEmpty() && cues.authorVoiceSubjects().contains(word)) {
            return null;
        }
        boolean collective = false;
        for (int c : s.children(head)) {
            String rel = s.relationOf(c);
            String det = s.token(c).text().toLowerCase(Locale.ROOT);
            if (rel.equals("det") && (det.equals("this") || det.equals("these") || det.equals("that") || det.equals("those"))
                    && atHead.isEmpty()) {
                return null; // "This shift indicates": an inference of the author, not speech
            }
            if ((rel.equals("det") || rel.equals("nummod") || rel.startsWith("det:")) && cues.collectiveDeterminers().contains(det)) {
                collective = true;
            }
        }
        if (atHead.isPresent()) {
            return ofMention(written, span, atHead.get());
        }
        List<Mention> inside = entities.within(span);
        Optional<Mention> country = inside.stream().filter(m -> m.kind() == EntityKind.COUNTRY).findFirst();
        Optional<Mention> organization = inside.stream().filter(m -> m.kind() == EntityKind.ORGANIZATION).findFirst();
        if (collective && (cues.governmentHeads().contains(word) || cues.groupHeads().contains(word))) {
            return new SpeakerRef(written, span, null, SpeakerKind.GROUP); // "both sides", "the two delegations"
        }
        if (cues.governmentHeads().contains(word) && country.isPresent()) {
            return new SpeakerRef(written, span, country.get().entityKey(), SpeakerKind.GOVERNMENT);
        }
        if (REPORT_HEADS.contains(word) && organization.isPresent()) {
            return new SpeakerRef(written, span, organization.get().entityKey(), SpeakerKind.ORGANIZATION);
        }
        if (cues.titleNouns().contains(word) && inside.stream().noneMatch(m -> m.kind() == EntityKind.PERSON)) {
            // "The Secretary emphasized": the person the article named with that title.
            Optional<Mention> holder = titled(text, entities, word, h.begin());
            if (holder.isPresent()) {
                return new SpeakerRef(written, span, holder.get().entityKey(), SpeakerKind.PERSON);
            }
        }
        if (cues.groupHeads().contains(word)) {
            return new SpeakerRef(written, span, null, SpeakerKind.GROUP);
        }
        if (cues.anonymousHeads().contains(word) || cues.titleNouns().contains(word)) {
            return new SpeakerRef(written, span, null, SpeakerKind.ANONYMOUS);
        }
        if ("PERSON".equals(h.entityTag())) {
            return new SpeakerRef(written, span, null, SpeakerKind.PERSON);
        }
        if ("ORGANIZATION".equals(h.entityTag())) {
            return new SpeakerRef(written, span, null, SpeakerKind.ORGANIZATION);
        }
        return null;
    }

    /**
     * The speaker a phrase names by itself, without a parse to lean on: a transcript's label ("AMBASSADOR TAI"), the
     * clause before a colon ("- Secretary Bessent"), a heading ("Embassy Spokesperson's Remarks"). Null when it names
     * nobody.
     */
    SpeakerRef ofPhrase(String text, Span phrase, ArticleEntities entities) {
        String written = text.substring(phrase.start(), phrase.end()).strip();
        List<Mention> inside = entities.within(phrase);
        // A surname in capitals ("MS. JEAN-PIERRE") or alone: the person of the article with that name.
        List<String> words = new ArrayList<>();
        for (String w : written.split("[\\s]+")) {
            String bare = w.replaceAll("[’']s$", "").replaceAll("[^\\p{L}\\-’'.]", "");
            if (!bare.isEmpty() && !cues.labelHonorifics().contains(bare.toLowerCase(Locale.ROOT))) {
                words.add(bare.replaceAll("\\.$", ""));
            }
        }
        if (!words.isEmpty() && words.size() <= 4) {
            Optional<String> person = entities.personNamed(words);
            if (person.isPresent()) {
                return new SpeakerRef(written, phrase, person.get(), SpeakerKind.PERSON);
            }
        }
        List<Mention> people = inside.stream().filter(m -> m.kind() == EntityKind.PERSON).toList();
        if (people.stream().map(Mention::entityKey).distinct().count() > 1) {
            return new SpeakerRef(written, phrase, null, SpeakerKind.GROUP);
        }
        if (!people.isEmpty()) {
            return new SpeakerRef(written, phrase, people.get(0).entityKey(), SpeakerKind.PERSON);
        }
        Optional<Mention> body = inside.stream().filter(m -> m.kind() == EntityKind.ORGANIZATION).findFirst();
        if (body.isPresent()) {
            return new SpeakerRef(written, phrase, body.get().entityKey(), SpeakerKind.ORGANIZATION);
        }
        Optional<Mention> country = inside.stream().filter(m -> m.kind() == EntityKind.COUNTRY).findFirst();
        String lower = written.toLowerCase(Locale.ROOT);
        for (String title : cues.titleNouns()) {
            if (lower.matches("(?s)(.*\\W)?" + title + "(\\W.*)?")) {
                if (words.isEmpty() || lower.startsWith("the ")) {
                    Optional<Mention> holder = titled(text, entities, title, phrase.start());
                    if (holder.isPresent()) {
                        return new SpeakerRef(written, phrase, holder.get().entityKey(), SpeakerKind.PERSON);
                    }
                }
                return new SpeakerRef(titlePhrase(written, title), phrase, country.map(Mention::entityKey).orElse(null),
                        SpeakerKind.ANONYMOUS);
            }
        }
        if (country.isPresent() && inside.size() == 1) {
            return new SpeakerRef(written, phrase, country.get().entityKey(), SpeakerKind.GOVERNMENT);
        }
        return null;
    }

    /** "Embassy Spokesperson" out of "Embassy Spokesperson's Remarks on ...": the capitalised words up to the title. */
    private static String titlePhrase(String written, String title) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "((?:\\p{Lu}[\\p{L}.\\-]*\\s+){0,3})(" + title + ")", java.util.regex.Pattern.CASE_INSENSITIVE).matcher(written);
        return m.find() ? (m.group(1) + m.group(2)).strip() : written;
    }

    SpeakerRef ofMention(String written, Span span, Mention m) {
        return switch (m.kind()) {
            case PERSON -> new SpeakerRef(written, span, m.entityKey(), SpeakerKind.PERSON);
            case ORGANIZATION -> new SpeakerRef(written, span, m.entityKey(), SpeakerKind.ORGANIZATION);
            case COUNTRY -> new SpeakerRef(written, span, m.entityKey(), SpeakerKind.GOVERNMENT);
            default -> null;
        };
    }

    /**
     * The person a bare title stands for ("the Secretary", "The President"): among the people named before, the
     * latest whose known post carries the title, or who was written with it ("Secretary Yellen", "Minister for Trade
     * Jane Doe"); else the first person of the article holding such a post.
     */
    private static Optional<Mention> titled(String text, ArticleEntities entities, String title, int before) {
        String word = "(?s)(.*\\W)?" + title + "(\\W.*)?";
        Optional<Mention> byPost = entities.salientBefore(before, EntityKind.PERSON, m -> entities.holdsPostTitled(m.entityKey(), title));
        if (byPost.isPresent()) {
            return byPost;
        }
        Optional<Mention> written = entities.lastBefore(before, EntityKind.PERSON, m -> {
            boolean alias = entities.aliasesOf(m.entityKey()).stream()
                    .anyMatch(a -> a.contains(" ") && a.toLowerCase(Locale.ROOT).matches(word));
            int from = Math.max(0, m.span().start() - 60);
            String lead = text.substring(from, m.span().start());
            int stop = Math.max(lead.lastIndexOf('.'), lead.lastIndexOf('\n'));
            return alias || lead.substring(stop + 1).toLowerCase(Locale.ROOT).matches(word);
        });
        return written.isPresent() ? written : entities.firstPersonTitled(title);
    }

    static Optional<StatementDraft> lastSpeaker(List<StatementDraft> before, List<StatementDraft> sameSentence, Set<SpeakerKind> kinds) {
        List<StatementDraft> all = new ArrayList<>(before);
        all.addAll(sameSentence);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (kinds.contains(all.get(i).speakerKind) && all.get(i).speakerKey != null) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    static Span tokenSpan(Sentence s, int token) {
        return new Span(s.token(token).begin(), s.token(token).end());
    }
}
