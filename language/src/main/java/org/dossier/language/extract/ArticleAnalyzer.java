package org.dossier.language.extract;

import org.dossier.language.knowledge.KnowledgeBase;
import org.dossier.language.model.Analysis;
import org.dossier.language.model.DateRange;
import org.dossier.language.model.EventMention;
import org.dossier.language.model.Span;
import org.dossier.language.model.Statement;
import org.dossier.language.model.TimeExpression;
import org.dossier.language.nlp.LanguageEngine;
import org.dossier.language.nlp.ParsedText;
import org.dossier.language.nlp.Sentence;
import org.dossier.language.nlp.Token;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole analysis of one article: the engine parses the body, then the rules find entities, controls, time
 * expressions, statements and event mentions. Spans point into the stored text: parts excluded from analysis
 * (disclaimers, link lists) are blanked with spaces of the same length rather than cut out.
 */
public final class ArticleAnalyzer {

    /** A body range the analysis reads, as article-service sends it ({@code analysisRanges}). */
    public record Range(int start, int end) {
    }

    private final LanguageEngine engine;
    private final EntityFinder entityFinder;
    private final ControlLinker controlLinker;
    private final ControlPhrases controlPhrases;
    private final StatementExtractor statements;
    private final EventMentionFinder events;

    public ArticleAnalyzer(LanguageEngine engine, KnowledgeBase knowledge) {
        this.engine = engine;
        this.entityFinder = new EntityFinder(knowledge);
        this.controlLinker = new ControlLinker(knowledge, entityFinder);
        this.controlPhrases = new ControlPhrases(knowledge);
        this.statements = new StatementExtractor(knowledge);
        this.events = new EventMentionFinder(knowledge);
    }

    /**
     * @param storedText the article text as stored
     * @param ranges     the parts to analyse; null or empty means all of it
     * @param published  the publication date relative dates are resolved against; null when unknown
     */
    public Analysis analyze(String storedText, List<Range> ranges, LocalDate published) {
        return analyze(storedText, ranges, published, null);
    }

    /**
     * @param title the article's title as its metadata gives it, or null: it names who speaks in a transcript whose
     *              answers are labelled only "A:" ("MOFCOM Spokesperson's Remarks on ...")
     */
    public Analysis analyze(String storedText, List<Range> ranges, LocalDate published, String title) {
        String body = breakRunOnText(blankOutside(storedText, ranges));
        ParsedText parsed = engine.parse(body, published);
        ArticleEntities entities = new ArticleEntities();
        entityFinder.find(parsed, published, entities);
        controlLinker.find(parsed, entities);
        controlPhrases.find(parsed, entities);
        List<TimeExpression> times = timeExpressions(parsed, published);
        List<Statement> found = statements.extract(parsed, entities, titleSpeaker(title, published, entities), published, times);
        List<EventMention> eventMentions = events.find(parsed, entities, times, published);
        List<String> notes = new ArrayList<>();
        if (published == null) {
            notes.add("publication date unknown: relative dates are not resolved");
        }
        return new Analysis(engine.describe(), parsed.tokenCount(), entities.build(), entities.mentions(), found, times,
                eventMentions, notes);
    }

    private SpeakerRef titleSpeaker(String title, LocalDate published, ArticleEntities article) {
        if (title == null || title.isBlank()) {
            return null;
        }
        ParsedText parsed = engine.parse(title, published);
        ArticleEntities inTitle = new ArticleEntities();
        entityFinder.find(parsed, published, inTitle);
        SpeakerRef speaker = statements.speakers().ofPhrase(title, new Span(0, title.length()), inTitle);
        if (speaker == null) {
            return null;
        }
        String key = speaker.key();
        if (key != null) {
            // "Secretary Lee's remarks" above a text naming Dana K. Lee: the person of the body, not one of the title's own.
            Optional<ArticleEntities.Builder> titled = inTitle.get(key);
            Optional<String> inBody = titled.filter(b -> b.kind == org.dossier.language.model.EntityKind.PERSON)
                    .flatMap(b -> article.personNamed(List.of(b.name.trim().split("\\s+"))));
            if (inBody.isPresent()) {
                key = inBody.get();
            } else {
                titled.ifPresent(article::adopt);
            }
        }
        return new SpeakerRef(speaker.attributedTo(), null, key, speaker.kind());
    }

    static String blankOutside(String text, List<Range> ranges) {
        if (ranges == null || ranges.isEmpty()) {
            return text;
        }
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            out[i] = c == '\n' ? '\n' : ' ';
        }
        for (Range r : ranges) {
            for (int i = Math.max(0, r.start()); i < Math.min(text.length(), r.end()); i++) {
                out[i] = text.charAt(i);
            }
        }
        return new String(out);
    }

    /** Longest stretch without a sentence end that is parsed as one sentence; longer ones are broken at a space. */
    static final int MAX_SENTENCE_CHARS = 1_000;

    /**
     * Text with no full stop for thousands of words (scraped tables, lists, markup) would be one huge sentence, whose
     * tagging and parsing cost grows faster than its length. A space in such a run becomes a line break (same length,
     * so every offset still holds), which the engine treats as a sentence end.
     */
    static String breakRunOnText(String text) {
        char[] out = null;
        int sinceBreak = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\n') {
                sinceBreak = 0;
            } else if (++sinceBreak > MAX_SENTENCE_CHARS && Character.isWhitespace(c)) {
                if (out == null) {
                    out = text.toCharArray();
                }
                out[i] = '\n';
                sinceBreak = 0;
            }
        }
        return out == null ? text : new String(out);
    }

    private static final java.util.Set<String> FUTURE_AUXILIARIES = java.util.Set.of("will", "'ll", "shall", "wo");
    private static final java.util.Set<String> PAST_AUXILIARIES = java.util.Set.of("did", "had", "has", "have", "was", "were");

    /**
     * The tense of the clause a date belongs to, read from the first verb above it in the parse and that verb's
     * auxiliaries: past ("met on Tuesday", "has agreed"), future ("will meet", "is due to", a present tense of a plan:
     * "meet on Tuesday", "are meeting"), or unknown (no verb: a headline's noun phrase).
     */
    static TimeNormalizer.Tense tenseOf(Sentence s, int token) {
        int v = token;
        for (int hops = 0; v >= 0 && hops < 6 && !s.token(v).isVerb(); hops++) {
            v = s.head(v);
        }
        if (v < 0 || !s.token(v).isVerb()) {
            return TimeNormalizer.Tense.UNKNOWN;
        }
        String pos = s.token(v).pos();
        boolean auxiliary = s.children(v).stream().anyMatch(c -> s.relationOf(c).startsWith("aux"));
        if (pos.equals("VBG") && !auxiliary && s.head(v) >= 0 && s.head(v) != v) {
            // A participle or gerund ("by removing", "saying") is told in the tense of the clause it hangs from.
            return tenseOf(s, s.head(v));
        }
        for (int c : s.children(v)) {
            String rel = s.relationOf(c);
            String word = s.token(c).text().toLowerCase(java.util.Locale.ROOT);
            if (rel.startsWith("aux")) {
                if (FUTURE_AUXILIARIES.contains(word) || s.token(c).lemma().equals("go") || word.equals("to")) {
                    return TimeNormalizer.Tense.FUTURE;
                }
                if (PAST_AUXILIARIES.contains(word)) {
                    return TimeNormalizer.Tense.PAST;
                }
                if (word.equals("is") || word.equals("are") || word.equals("am")) {
                    // "are meeting on Monday", "is set to": a plan; "is expected" alike.
                    return TimeNormalizer.Tense.FUTURE;
                }
            }
        }
        return switch (pos) {
            case "VBD" -> TimeNormalizer.Tense.PAST;
            case "VBN" -> TimeNormalizer.Tense.PAST;
            case "VBZ", "VBP", "VBG", "VB" -> TimeNormalizer.Tense.FUTURE;
            default -> TimeNormalizer.Tense.UNKNOWN;
        };
    }

    /** Runs of tokens the engine marked as one date or time, normalised against the publication date. */
    private static List<TimeExpression> timeExpressions(ParsedText parsed, LocalDate published) {
        List<TimeExpression> out = new ArrayList<>();
        for (Sentence s : parsed.sentences()) {
            int i = 0;
            while (i < s.tokens().size()) {
                Token t = s.token(i);
                if (t.timeValue() == null || !("DATE".equals(t.entityTag()) || "TIME".equals(t.entityTag()))) {
                    i++;
                    continue;
                }
                int j = i;
                while (j + 1 < s.tokens().size() && t.timeValue().equals(s.token(j + 1).timeValue())) {
                    j++;
                }
                Span span = new Span(t.begin(), s.token(j).end());
                String written = parsed.text().substring(span.start(), span.end());
                DateRange range = TimeNormalizer.byTense(TimeNormalizer.normalize(t.timeValue(), written, published),
                        written, tenseOf(s, i), published);
                out.add(new TimeExpression(written, span, range));
                i = j + 1;
            }
        }
        return out;
    }
}
