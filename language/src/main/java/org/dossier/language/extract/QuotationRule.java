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

/**
 * Direct quotes, wherever their attribution stands: after the quote ({@code "…," X said}, {@code "…," said X}),
 * before it with a colon ({@code X said: "…"}, {@code - X: "…"}, {@code X released the following statement:} and
 * the quote in the next paragraph), and quotes that go on after an attributed one ({@code "…," said X. "…"}) or open
 * the next paragraph. Quotations come from {@link Quotations}; a quote with no attribution near it (a title, a scare
 * quote) is not a statement. Partial quotes inside indirect speech are the reporting clause's content.
 */
final class QuotationRule implements StatementRule {

    /** Tokens after a closing mark within which its reporting verb stands ('"…," the minister of trade said'). */
    private static final int VERB_WINDOW_AFTER = 8;
    /** Words below which a quotation is a phrase, not a statement ("called the talks "very constructive""). */
    private static final int MIN_WORDS = 4;
    /** Sentences between an attributed quote and an unattributed one that continues it. */
    private static final int CONTINUATION_SENTENCES = 2;

    private final KnowledgeBase.Cues cues;
    private final SpeakerFinder speakers;

    QuotationRule(KnowledgeBase kb, SpeakerFinder speakers) {
        this.cues = kb.cues;
        this.speakers = speakers;
    }

    @Override
    public String name() {
        return "quotation";
    }

    @Override
    public List<StatementDraft> propose(StatementContext context) {
        String text = context.text();
        List<StatementDraft> out = new ArrayList<>();
        StatementDraft previous = null;
        List<Quotations.Quotation> quotations = new ArrayList<>(Quotations.find(text));
        quotations.addAll(passagesAfterColons(text, quotations));
        quotations.sort(java.util.Comparator.comparingInt(q -> q.outer().start()));
        for (Quotations.Quotation q : quotations) {
            boolean passage = q.outer().equals(q.inner());
            if (words(text, q.inner()) < MIN_WORDS) {
                continue;
            }
            StatementDraft d = attributedAfter(context, q, out);
            if (d == null) {
                d = attributedBefore(context, q, out);
            }
            if (passage && d != null && d.document) {
                Span whole = documentAfter(text, q.inner().start());
                q = new Quotations.Quotation(whole, whole);
            } else if (passage && d == null) {
                continue;
            }
            if (d == null && previous != null && continues(context, previous, q)) {
                d = previous.copy();
                d.cue = previous.cue;
                d.cueSpan = null;
                d.speakerSpan = null;
            }
            if (d == null) {
                continue;
            }
            d.rule = name();
            d.content = trim(text, q.inner());
            if (d.content == null) {
                continue;
            }
            d.direct = !passage;
            int start = Math.min(q.outer().start(), d.cueSpan == null ? q.outer().start() : d.cueSpan.start());
            if (d.speakerSpan != null) {
                start = Math.min(start, d.speakerSpan.start());
            }
            int end = Math.max(q.outer().end(), d.cueSpan == null ? 0 : d.cueSpan.end());
            if (d.speakerSpan != null) {
                end = Math.max(end, d.speakerSpan.end());
            }
            d.span = new Span(start, end);
            Sentence first = context.sentenceAt(q.inner().start());
            d.sentence = d.cueToken >= 0 && d.sentence >= 0 ? d.sentence : first == null ? context.sentenceIndexFrom(q.inner().start()) : first.index();
            out.add(d);
            previous = d;
        }
        return out;
    }

    /** {@code "…," X said}, {@code "…," said X}: a reporting verb just after the closing mark, in its sentence. */
    private StatementDraft attributedAfter(StatementContext context, Quotations.Quotation q, List<StatementDraft> before) {
        String text = context.text();
        StatementDraft dashed = attributedByDash(context, q);
        if (dashed != null) {
            return dashed;
        }
        Sentence s = context.sentenceAt(q.outer().end() - 1);
        if (s == null) {
            return null;
        }
        int close = StatementContext.tokenAt(s, q.outer().end() - 1);
        for (int v = close + 1; v < s.tokens().size() && v <= close + VERB_WINDOW_AFTER; v++) {
            Token t = s.token(v);
            if (t.text().equals(".") || t.text().equals(";") || isOpening(t.text())) {
                break;
            }
            if (!t.isVerb() || !cues.reportingVerbs().contains(t.lemma().toLowerCase(Locale.ROOT))) {
                continue;
            }
            SpeakerRef speaker = subjectOf(context, s, v, before);
            if (speaker == null) {
                return null;
            }
            StatementDraft d = new StatementDraft();
            d.speaker(speaker);
            d.cue = t.text();
            d.cueToken = v;
            d.sentence = s.index();
            d.cueSpan = new Span(t.begin(), t.end());
            return d;
        }
        return null;
    }

    /** {@code "…" ― X} or {@code "…" — X, the minister}: a dash after the quote, then who said it. */
    private StatementDraft attributedByDash(StatementContext context, Quotations.Quotation q) {
        String text = context.text();
        int i = q.outer().end();
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\u00a0')) {
            i++;
        }
        if (i >= text.length() || "―—–".indexOf(text.charAt(i)) < 0) {
            return null;
        }
        int from = i + 1;
        while (from < text.length() && Character.isWhitespace(text.charAt(from)) && text.charAt(from) != '\n') {
            from++;
        }
        int to = from;
        while (to < text.length() && to - from < 80 && ",;.\n(".indexOf(text.charAt(to)) < 0) {
            to++;
        }
        if (to <= from) {
            return null;
        }
        SpeakerRef speaker = speakers.ofPhrase(text, new Span(from, to), context.entities());
        if (speaker == null || speaker.key() == null) {
            return null;
        }
        StatementDraft d = new StatementDraft();
        d.speaker(speaker);
        d.cue = text.substring(i, i + 1);
        d.cueSpan = new Span(i, i + 1);
        Sentence s = context.sentenceAt(i);
        d.sentence = s == null ? context.sentenceIndexFrom(i) : s.index();
        return d;
    }

    /**
     * {@code X said: "…"}, {@code - Secretary X: "…"}, {@code X released the following statement:} then the quote:
     * the clause ending in a colon just before the opening mark (in the same paragraph or the one before).
     */
    private StatementDraft attributedBefore(StatementContext context, Quotations.Quotation q, List<StatementDraft> before) {
        String text = context.text();
        int i = q.outer().start() - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i < 0 || (text.charAt(i) != ':' && text.charAt(i) != '：' && text.charAt(i) != ',')) {
            return null;
        }
        boolean colon = text.charAt(i) != ',';
        Sentence s = context.sentenceAt(i);
        if (s == null) {
            return null;
        }
        int mark = StatementContext.tokenAt(s, i);
        // A reporting verb with its subject in the clause: "X said:", "As X has stated:", "X told reporters,".
        for (int v = mark - 1; v >= 0; v--) {
            Token t = s.token(v);
            String lemma = t.lemma().toLowerCase(Locale.ROOT);
            if (isOpening(t.text()) || t.text().equals("”")) {
                break;
            }
            if (t.isVerb() && (cues.reportingVerbs().contains(lemma) || isReleaseOfStatement(s, v))) {
                SpeakerRef speaker = subjectOf(context, s, v, before);
                if (speaker == null) {
                    return null;
                }
                StatementDraft d = new StatementDraft();
                d.speaker(speaker);
                d.cueToken = v;
                d.sentence = s.index();
                int cueEnd = isReleaseOfStatement(s, v) ? mark - 1 : v;
                d.document = isReleaseOfStatement(s, v);
                d.cueSpan = new Span(t.begin(), s.token(cueEnd).end());
                d.cue = text.substring(d.cueSpan.start(), d.cueSpan.end());
                return d;
            }
        }
        if (!colon) {
            return null;
        }
        // "X's remarks as delivered are below:", "The following is X's statement:": a reporting noun and its possessor.
        for (int k = mark - 1; k >= 0; k--) {
            if (!cues.reportingNouns().contains(s.token(k).lemma().toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (int poss : s.children(k, "nmod:poss")) {
                SpeakerRef speaker = speakers.ofSubject(text, s, poss, context.entities(), before, List.of());
                if (speaker != null) {
                    StatementDraft d = new StatementDraft();
                    d.speaker(speaker);
                    d.cueToken = k;
                    d.sentence = s.index();
                    d.cueSpan = SpeakerFinder.tokenSpan(s, k);
                    d.cue = s.token(k).text();
                    d.document = true;
                    return d;
                }
            }
        }
        // No verb: the clause names the speaker itself ("- Secretary Bessent:", "Warren and Kim to Secretary Lutnick:").
        int from = 0;
        while (from < mark && s.token(from).isPunctuation()) {
            from++;
        }
        if (from >= mark || mark - from > 12) {
            return null;
        }
        int to = mark - 1;
        String clause = text.substring(s.token(from).begin(), s.token(to).end()).toLowerCase(Locale.ROOT);
        for (String phrase : cues.attributionPhrases()) {
            int at = clause.indexOf(phrase + " ");
            if (at >= 0) {
                // "The below is attributable to Spokesperson X:": the speaker is what the phrase names.
                int k = StatementContext.tokenAt(s, s.token(from).begin() + at + phrase.length() + 1);
                if (k <= to) {
                    SpeakerRef speaker = speakers.ofPhrase(text, StatementContext.tokenSpan(s, k, to), context.entities());
                    if (speaker == null) {
                        return null;
                    }
                    StatementDraft d = new StatementDraft();
                    d.speaker(speaker);
                    d.cue = phrase;
                    d.cueToken = mark;
                    d.sentence = s.index();
                    d.cueSpan = new Span(s.token(from).begin() + at, s.token(from).begin() + at + phrase.length());
                    d.document = true;
                    return d;
                }
            }
        }
        for (int k = from; k < mark; k++) {
            if (s.token(k).text().equalsIgnoreCase("to") && k > from) {
                to = k - 1; // "X to Y:": X speaks, Y is addressed
                break;
            }
        }
        Span phrase = StatementContext.tokenSpan(s, from, to);
        SpeakerRef speaker = speakers.ofPhrase(text, phrase, context.entities());
        if (speaker == null) {
            return null;
        }
        StatementDraft d = new StatementDraft();
        d.speaker(speaker);
        d.cue = ":";
        d.cueToken = mark;
        d.sentence = s.index();
        d.cueSpan = new Span(i, i + 1);
        return d;
    }

    /**
     * The paragraph after a line that ends in a colon, when it does not open with a quotation mark: what "X said:" or
     * "The below is attributable to X:" introduces without quoting it.
     */
    private static List<Quotations.Quotation> passagesAfterColons(String text, List<Quotations.Quotation> quotations) {
        List<Quotations.Quotation> out = new ArrayList<>();
        int i = text.indexOf(':');
        while (i >= 0) {
            int next = i + 1;
            while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
                next++;
            }
            if (next < text.length() && text.charAt(next) == '\n') {
                while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                    next++;
                }
                int at = next;
                boolean quoted = quotations.stream().anyMatch(q -> q.outer().start() == at);
                int end = text.indexOf('\n', next);
                end = end < 0 ? text.length() : end;
                if (next < text.length() && !quoted && end > next) {
                    Span paragraph = new Span(next, end);
                    out.add(new Quotations.Quotation(paragraph, paragraph));
                }
            }
            i = text.indexOf(':', i + 1);
        }
        return out;
    }

    /** From a paragraph to the end of the document it opens, as after "X released the following statement:". */
    private static Span documentAfter(String text, int start) {
        int end = text.length();
        int line = text.indexOf('\n', start);
        while (line >= 0) {
            int next = text.indexOf('\n', line + 1);
            String l = text.substring(line + 1, next < 0 ? text.length() : next).strip();
            if (l.endsWith(":") || l.startsWith("###") || l.matches("(?i)(-\\s*)?(end|###|contact|media contact).*")) {
                end = line;
                break;
            }
            line = next;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new Span(start, end);
    }

    /** "released the following statement", "issued a statement": a verb whose object is a reporting noun. */
    private boolean isReleaseOfStatement(Sentence s, int v) {
        for (int o : s.children(v, "obj")) {
            if (cues.reportingNouns().contains(s.token(o).lemma().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Who the reporting verb says spoke: its subject, else the noun phrase after it ("…," said the minister; the parser
     * often reads an inverted subject as the object). Of several subjects, the first that names a speaker (a dateline
     * before the name is a place, not a speaker).
     */
    private SpeakerRef subjectOf(StatementContext context, Sentence s, int verb, List<StatementDraft> before) {
        String text = context.text();
        List<Integer> candidates = new ArrayList<>(s.children(verb, "nsubj").stream().filter(c -> s.relationOf(c).equals("nsubj")).toList());
        if (candidates.isEmpty()) {
            candidates.addAll(s.children(verb, "obj").stream().filter(c -> c > verb).toList());
            for (int k = verb + 1; k < s.tokens().size() && k <= verb + 6 && candidates.isEmpty(); k++) {
                Token t = s.token(k);
                if (t.isNoun() || t.pos().startsWith("PRP")) {
                    int head = k;
                    while (s.head(head) > head && (s.relationOf(head).startsWith("compound") || s.relationOf(head).equals("flat")
                            || s.relationOf(head).equals("amod") || s.relationOf(head).equals("det"))) {
                        head = s.head(head);
                    }
                    candidates.add(head);
                }
            }
        }
        SpeakerRef anonymous = null;
        for (int c : candidates) {
            SpeakerRef speaker = speakers.ofSubject(text, s, c, context.entities(), before, List.of());
            if (speaker != null && speaker.key() != null) {
                return speaker;
            }
            if (speaker != null && anonymous == null) {
                anonymous = speaker;
            }
        }
        return anonymous;
    }

    /** An unattributed quote right after an attributed one, or opening the next paragraph, with no speaker between. */
    private static boolean continues(StatementContext context, StatementDraft previous, Quotations.Quotation q) {
        int gapStart = previous.span.end();
        int gapEnd = q.outer().start();
        if (gapEnd < gapStart || previous.speakerKind == null) {
            return false;
        }
        int sentences = context.sentenceIndexFrom(gapEnd) - context.sentenceIndexFrom(gapStart);
        String between = context.text().substring(gapStart, gapEnd);
        boolean nameBetween = context.entities().within(new Span(gapStart, gapEnd)).stream()
                .anyMatch(m -> m.kind() == EntityKind.PERSON);
        return sentences <= CONTINUATION_SENTENCES && !nameBetween && between.split("\\n\\s*\\n|\\n").length <= 3;
    }

    private static boolean isOpening(String token) {
        return token.equals("“") || token.equals("``") || token.equals("«") || token.equals("「");
    }

    private static int words(String text, Span span) {
        String inner = text.substring(span.start(), span.end()).strip();
        return inner.isEmpty() ? 0 : inner.split("\\s+").length;
    }

    /** The quotation's words without the comma or stop the attribution follows. */
    private static Span trim(String text, Span inner) {
        int a = inner.start();
        int b = inner.end();
        while (a < b && Character.isWhitespace(text.charAt(a))) {
            a++;
        }
        while (b > a && (Character.isWhitespace(text.charAt(b - 1)) || text.charAt(b - 1) == ',')) {
            b--;
        }
        return b > a ? new Span(a, b) : null;
    }
}
