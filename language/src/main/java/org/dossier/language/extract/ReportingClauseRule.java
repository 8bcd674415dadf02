package org.dossier.language.extract;

import org.dossier.language.knowledge.KnowledgeBase;
import org.dossier.language.model.DateRange;
import org.dossier.language.model.EntityKind;
import org.dossier.language.model.Mention;
import org.dossier.language.model.SpeakerKind;
import org.dossier.language.model.Span;
import org.dossier.language.model.Statement;
import org.dossier.language.model.TimeExpression;
import org.dossier.language.nlp.ParsedText;
import org.dossier.language.nlp.Sentence;
import org.dossier.language.nlp.Token;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds reported speech over the dependency parse: the subject of a reporting verb ("X said that", "X hinted",
 * "X called on"), impersonal cues ("It is understood that"), "According to X, ...", citing ("X reported, citing Y,
 * that" → Y speaks, X reports), nested reports ("sources said the U.S. side indicated"), pronoun speakers ("He also
 * revealed"), continuations ("We hope ..." after the sentence naming the speaker; "Secondly, ..." after "first,").
 * The author's own voice ("This suggests", "I have to say", "Note that") is not a statement.
 */
final class ReportingClauseRule implements StatementRule {

    private static final Set<String> QUOTES = Set.of("\"", "``", "''", "“", "”");

    private final KnowledgeBase.Cues cues;

    private final SpeakerFinder speakers;

    ReportingClauseRule(KnowledgeBase kb, SpeakerFinder speakers) {
        this.cues = kb.cues;
        this.speakers = speakers;
    }

    @Override
    public String name() {
        return "reporting-clause";
    }

    @Override
    public List<StatementDraft> propose(StatementContext context) {
        ParsedText parsed = context.parsed();
        ArticleEntities entities = context.entities();
        String text = parsed.text();
        List<StatementDraft> drafts = new ArrayList<>();
        for (Sentence s : parsed.sentences()) {
            List<StatementDraft> here = new ArrayList<>();
            for (Token t : s.tokens()) {
                verbStatement(text, s, t.index(), entities, drafts, here).ifPresent(here::add);
            }
            accordingTo(text, s, entities, here).ifPresent(here::add);
            nestInside(here);
            if (here.isEmpty()) {
                continuation(text, parsed, s, drafts).ifPresent(here::add);
            }
            drafts.addAll(here);
        }
        drafts.forEach(d -> d.rule = name());
        return drafts;
    }

    // ---- "X said that ..." -------------------------------------------------------------------------------------

    private Optional<StatementDraft> verbStatement(String text, Sentence s, int v, ArticleEntities entities, List<StatementDraft> before,
                                          List<StatementDraft> sameSentence) {
        Token verb = s.token(v);
        if (!verb.isVerb()) {
            return Optional.empty();
        }
        String lemma = verb.lemma().toLowerCase(Locale.ROOT);
        int cueEnd = v;
        String cue = verb.text();
        boolean reporting = cues.reportingVerbs().contains(lemma)
                || (cues.quotingVerbs().contains(lemma) && quoteInClause(s, v)); // called the talks "very constructive"
        for (KnowledgeBase.PhrasalCue pc : cues.phrasalCues()) {
            if (!pc.lemma().equals(lemma)) {
                continue;
            }
            // The particle or object right after the verb, however the parser attached it ("called on us").
            for (int c = v + 1; c <= v + 2 && c < s.tokens().size(); c++) {
                String w = s.token(c).text().toLowerCase(Locale.ROOT);
                if (w.equals(pc.particle()) || w.equals(pc.object())) {
                    reporting = true;
                    cueEnd = c;
                    cue = text.substring(verb.begin(), s.token(c).end());
                    break;
                }
            }
        }
        boolean citing = cues.citingVerbs().contains(lemma);
        boolean impersonalCue = cues.impersonalCues().containsKey(lemma) && s.children(v, "nsubj:pass").stream()
                .anyMatch(c -> s.token(c).text().equalsIgnoreCase("it"));
        if (!reporting && !citing && !impersonalCue) {
            return Optional.empty();
        }
        if (citing && s.children(v, "nsubj").isEmpty()) {
            return Optional.empty(); // a participle "citing X" is read by the verb it belongs to
        }
        StatementDraft d = new StatementDraft();
        d.sentence = s.index();
        d.cueToken = v;
        d.cue = cue;
        d.cueSpan = new Span(verb.begin(), s.token(cueEnd).end());
        SpeakerRef speaker = null;
        List<Integer> subjects = s.children(v, "nsubj").stream().filter(c -> s.relationOf(c).equals("nsubj")).toList();
        List<Integer> passiveSubjects = s.children(v, "nsubj:pass");
        List<Integer> expletives = s.children(v, "expl");
        if (!passiveSubjects.isEmpty() || !expletives.isEmpty()) {
            int subj = !passiveSubjects.isEmpty() ? passiveSubjects.get(0) : expletives.get(0);
            String impersonal = cues.impersonalCues().get(lemma);
            if (impersonal == null || !s.token(subj).text().equalsIgnoreCase("it")) {
                return Optional.empty();
            }
            speaker = new SpeakerRef(impersonal, null, null, SpeakerKind.ANONYMOUS);
            d.cue = text.substring(s.token(subj).begin(), verb.end());
            d.cueSpan = new Span(s.token(subj).begin(), verb.end());
        } else if (!subjects.isEmpty()) {
            // Several subjects happen when the parser splits a name ("He" + "Lifeng"): prefer one inside a mention.
            int subject = subjects.stream().filter(c -> entities.at(tokenSpan(s, c)).isPresent()).findFirst().orElse(subjects.get(0));
            speaker = speakers.ofSubject(text, s, subject, entities, before, sameSentence);
            if (speaker == null || quoteBetween(s, subject, v)) {
                return Optional.empty(); // not a speaker, or a quoted phrase ("the US side's "say one thing" tactics")
            }
        } else {
            // No subject of its own: a participle or conjunct reporting verb ("..., disclosing two things").
            int head = s.head(v);
            if (head < 0 || !s.token(head).isVerb()) {
                return Optional.empty();
            }
            Optional<StatementDraft> governing = sameSentence.stream().filter(x -> x.cueToken == head).findFirst();
            if (governing.isEmpty()) {
                // "X chimed in on Twitter, saying that ...": the subject of the verb the participle belongs to.
                List<Integer> headSubjects = s.children(head, "nsubj").stream().filter(c -> s.relationOf(c).equals("nsubj")).toList();
                SpeakerRef actor = headSubjects.isEmpty() ? null
                        : speakers.ofSubject(text, s, headSubjects.get(0), entities, before, sameSentence);
                if (actor == null || !(s.relationOf(v).equals("advcl") || s.relationOf(v).equals("xcomp") || s.relationOf(v).equals("conj"))) {
                    return Optional.empty();
                }
                d.speaker(actor);
                d.content = contentOf(text, s, v, cueEnd);
                if (d.content == null) {
                    return Optional.empty();
                }
                d.span = new Span(Math.min(actor.span().start(), d.cueSpan.start()), Math.max(d.content.end(), d.cueSpan.end()));
                d.direct = startsWithQuote(text, d.content);
                return Optional.of(d);
            }
            // The governing clause's speaker speaks here too; after a citing verb that is the cited source
            // ("Reuters cited informed sources, disclosing that ...": the sources disclose, Reuters reports).
            StatementDraft g = governing.get();
            d.attributedTo = g.attributedTo;
            d.speakerSpan = g.speakerSpan;
            d.speakerKey = g.speakerKey;
            d.speakerKind = g.speakerKind;
            d.reportedByKey = g.reportedByKey;
            d.content = contentAfter(text, s, cueEnd);
            if (d.content == null) {
                return Optional.empty();
            }
            d.span = new Span(d.cueSpan.start(), Math.max(d.content.end(), d.cueSpan.end()));
            d.direct = startsWithQuote(text, d.content);
            return Optional.of(d);
        }
        d.speaker(speaker);
        if (citing) {
            // "Reuters cited information from informed sources": the cited source speaks, the outlet reports.
            Optional<SpeakerRef> source = citedSource(text, s, v, entities, before, sameSentence);
            if (source.isPresent()) {
                d.reportedByKey = speaker.key();
                d.speaker(source.get());
            }
        } else {
            // "Bloomberg reported, citing U.S. officials, that ...": the officials speak, Bloomberg reports.
            for (int c : s.children(v)) {
                if (cues.citingVerbs().contains(s.token(c).lemma().toLowerCase(Locale.ROOT)) && s.token(c).pos().equals("VBG")) {
                    Optional<SpeakerRef> source = citedSource(text, s, c, entities, before, sameSentence);
                    if (source.isPresent()) {
                        d.reportedByKey = speaker.key();
                        d.speaker(source.get());
                        cueEnd = Math.max(cueEnd, lastIndex(s, s.subtree(c, Set.of("ccomp", "punct"))));
                    }
                }
            }
        }
        d.content = contentOf(text, s, v, cueEnd);
        if (d.content == null) {
            return Optional.empty();
        }
        int start = speaker.span() == null ? d.cueSpan.start() : Math.min(speaker.span().start(), d.cueSpan.start());
        d.span = new Span(start, Math.max(d.content.end(), d.cueSpan.end()));
        d.direct = startsWithQuote(text, d.content);
        return Optional.of(d);
    }

    /** The object of a citing verb, or the source inside it ("information from informed sources"). */
    private Optional<SpeakerRef> citedSource(String text, Sentence s, int citeVerb, ArticleEntities entities,
                                          List<StatementDraft> before, List<StatementDraft> sameSentence) {
        for (int obj : s.children(citeVerb, "obj")) {
            SpeakerRef direct = speakers.ofSubject(text, s, obj, entities, before, sameSentence);
            if (direct != null) {
                return Optional.of(direct);
            }
            for (int n : s.children(obj, "nmod")) {
                SpeakerRef inner = speakers.ofSubject(text, s, n, entities, before, sameSentence);
                if (inner != null) {
                    return Optional.of(inner);
                }
            }
        }
        return Optional.empty();
    }

    /** What was said: the clausal complement of the cue, else the rest of the sentence after the cue. */
    private Span contentOf(String text, Sentence s, int verb, int cueEnd) {
        List<Integer> complements = new ArrayList<>(s.children(verb, "ccomp"));
        complements.addAll(s.children(verb, "xcomp"));
        if (!complements.isEmpty()) {
            List<Integer> sub = s.subtree(complements.get(0), Set.of());
            int first = sub.get(0);
            int last = lastIndex(s, sub);
            // "said on Tuesday that ...": the parser may hang the date on the complement; the content starts at "that".
            for (int mark : s.children(complements.get(0), "mark")) {
                if (s.token(mark).text().equalsIgnoreCase("that") && mark > first) {
                    first = mark;
                }
            }
            if (first > cueEnd && !isTime(s.token(first)) && !s.token(first).pos().equals("IN")) {
                return trimmed(text, s, first, Math.max(last, lastContentToken(s)));
            }
            if (last < verb) {
                return trimmed(text, s, first, last); // the content comes before: '"...", he said.'
            }
        }
        Span quotation = quotationBefore(text, s, verb);
        return quotation != null ? quotation : contentAfter(text, s, cueEnd);
    }

    /**
     * A sentence that opens with a quotation closed before the reporting verb ('"We will ...," Lindqvist said in The
     * Hague.'): what was said is the quotation, however the parser attached it, not what follows the verb.
     */
    private static Span quotationBefore(String text, Sentence s, int verb) {
        if (!QUOTES.contains(s.token(0).text())) {
            return null;
        }
        for (int close = 1; close < verb; close++) {
            if (QUOTES.contains(s.token(close).text())) {
                int last = close - 1;
                while (last > 1 && s.token(last).isPunctuation()) {
                    last--;
                }
                return last >= 1 ? trimmed(text, s, 1, last) : null;
            }
        }
        return null;
    }

    private Span contentAfter(String text, Sentence s, int cueEnd) {
        int last = lastContentToken(s);
        // "said on Tuesday that ...": when the speech was made is not what was said.
        while (cueEnd + 1 < last && (isTime(s.token(cueEnd + 1))
                || (s.token(cueEnd + 1).pos().equals("IN") && isTime(s.token(cueEnd + 2))))) {
            cueEnd++;
        }
        if (cueEnd + 1 > last) {
            return null;
        }
        return trimmed(text, s, cueEnd + 1, last);
    }

    private static int lastContentToken(Sentence s) {
        int last = s.tokens().size() - 1;
        while (last > 0 && s.token(last).isPunctuation() && !QUOTES.contains(s.token(last).text())) {
            last--;
        }
        return last;
    }

    /** Tokens first..last as a span, without a leading "that", comma or colon. */
    private static Span trimmed(String text, Sentence s, int first, int last) {
        while (first < last && (s.token(first).text().equalsIgnoreCase("that") || s.token(first).text().equals(",")
                || s.token(first).text().equals(":"))) {
            first++;
        }
        if (first > last) {
            return null;
        }
        return new Span(s.token(first).begin(), s.token(last).end());
    }

    private static int lastIndex(Sentence s, List<Integer> tokens) {
        int last = tokens.get(tokens.size() - 1);
        while (last > 0 && s.token(last).isPunctuation() && !QUOTES.contains(s.token(last).text())) {
            last--;
        }
        return last;
    }

    private static boolean isTime(Token t) {
        return "DATE".equals(t.entityTag()) || "TIME".equals(t.entityTag());
    }

    private static Span tokenSpan(Sentence s, int token) {
        return new Span(s.token(token).begin(), s.token(token).end());
    }

    /** A quotation mark among the words that depend on the verb, after it. */
    private static boolean quoteInClause(Sentence s, int verb) {
        for (int i : s.subtree(verb, Set.of("parataxis", "conj", "advcl"))) {
            if (i > verb && QUOTES.contains(s.token(i).text())) {
                return true;
            }
        }
        return false;
    }

    private static boolean quoteBetween(Sentence s, int from, int to) {
        for (int i = Math.min(from, to) + 1; i < Math.max(from, to); i++) {
            if (QUOTES.contains(s.token(i).text())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Direct speech: the content opens with a quotation mark, or one stands just before it, as when the parse leaves the
     * mark out of the quoted clause ('"We will ...," Wang told reporters').
     */
    private static boolean startsWithQuote(String text, Span content) {
        char c = text.charAt(content.start());
        if (c == '"' || c == '“' || c == '\'') {
            return true;
        }
        int before = content.start() - 1;
        while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
            before--;
        }
        return before >= 0 && (text.charAt(before) == '"' || text.charAt(before) == '“');
    }

    // ---- "According to X, ..." -----------------------------------------------------------------------------------

    private Optional<StatementDraft> accordingTo(String text, Sentence s, ArticleEntities entities, List<StatementDraft> sameSentence) {
        for (int i = 0; i + 2 < s.tokens().size(); i++) {
            if (!s.token(i).text().equalsIgnoreCase("according") || !s.token(i + 1).text().equalsIgnoreCase("to")) {
                continue;
            }
            int end = i + 2;
            while (end + 1 < s.tokens().size() && !s.token(end + 1).text().equals(",") && !QUOTES.contains(s.token(end + 1).text())) {
                end++;
            }
            Span source = new Span(s.token(i + 2).begin(), s.token(end).end());
            String written = text.substring(source.start(), source.end());
            List<Mention> inside = entities.within(source);
            Optional<Mention> org = inside.stream().filter(m -> m.kind() == EntityKind.ORGANIZATION).findFirst();
            Optional<Mention> person = inside.stream().filter(m -> m.kind() == EntityKind.PERSON).findFirst();
            // A reporting clause after "According to X," is the statement; X is the outlet that reported it.
            List<StatementDraft> inner = sameSentence.stream().filter(d -> d.cueSpan.start() > source.end()).toList();
            if (!inner.isEmpty()) {
                for (StatementDraft d : inner) {
                    if (d.reportedByKey == null) {
                        d.reportedByKey = org.map(Mention::entityKey).orElse(null);
                    }
                }
                return Optional.empty();
            }
            StatementDraft d = new StatementDraft();
            d.sentence = s.index();
            d.cueToken = i;
            d.cue = text.substring(s.token(i).begin(), s.token(i + 1).end());
            d.cueSpan = new Span(s.token(i).begin(), s.token(i + 1).end());
            d.attributedTo = written;
            d.speakerSpan = source;
            if (person.isPresent()) {
                d.speakerKey = person.get().entityKey();
                d.speakerKind = SpeakerKind.PERSON;
            } else if (org.isPresent()) {
                d.speakerKey = org.get().entityKey();
                d.speakerKind = SpeakerKind.ORGANIZATION;
            } else {
                String headWord = written.toLowerCase(Locale.ROOT);
                d.speakerKind = cues.anonymousHeads().stream().anyMatch(w -> headWord.matches(".*\\b" + w + "\\b.*"))
                        && inside.stream().noneMatch(m -> m.kind() == EntityKind.COUNTRY) ? SpeakerKind.ANONYMOUS
                        : SpeakerKind.ORGANIZATION;
            }
            int contentStart = end + 1;
            d.content = contentStart <= lastContentToken(s) ? trimmed(text, s, contentStart, lastContentToken(s)) : null;
            if (i > 0 && d.content != null) {
                // "X, according to Y." : the content is what comes before.
                d.content = trimmed(text, s, 0, i - 1);
            }
            if (d.content == null) {
                return Optional.empty();
            }
            d.span = new Span(Math.min(d.cueSpan.start(), d.content.start()), Math.max(source.end(), d.content.end()));
            d.direct = startsWithQuote(text, d.content);
            return Optional.of(d);
        }
        return Optional.empty();
    }

    /** A statement whose cue lies inside another's content was reported by the outer speaker. */
    private void nestInside(List<StatementDraft> here) {
        for (StatementDraft inner : here) {
            for (StatementDraft outer : here) {
                if (inner != outer && outer.content.contains(inner.cueSpan) && inner.reportedByKey == null) {
                    inner.reportedByKey = outer.speakerKind == SpeakerKind.ORGANIZATION ? outer.speakerKey : outer.reportedByKey;
                }
            }
        }
    }

    // ---- continuations -------------------------------------------------------------------------------------------

    private Optional<StatementDraft> continuation(String text, ParsedText parsed, Sentence s, List<StatementDraft> drafts) {
        if (drafts.isEmpty() || s.tokens().size() < 3) {
            return Optional.empty();
        }
        StatementDraft previous = drafts.get(drafts.size() - 1);
        String firstWord = s.token(0).text().toLowerCase(Locale.ROOT);
        boolean sameParagraph = text.substring(previous.span.end(), s.begin()).indexOf('\n') < 0;
        if (previous.sentence == s.index() - 1 && sameParagraph && previous.speakerKind != null
                && (firstWord.equals("we") || firstWord.equals("i") || QUOTES.contains(s.token(0).text()))) {
            // The speaker goes on in the first person: the same statement, longer.
            previous.content = new Span(previous.content.start(), s.token(lastContentToken(s)).end());
            previous.span = new Span(previous.span.start(), s.token(lastContentToken(s)).end());
            return Optional.empty();
        }
        if (cues.ordinalContinuations().contains(firstWord) && s.tokens().size() > 2 && s.token(1).text().equals(",")) {
            for (int i = drafts.size() - 1; i >= 0 && s.index() - drafts.get(i).sentence <= 6; i--) {
                StatementDraft enumerating = drafts.get(i);
                String said = text.substring(enumerating.content.start(), enumerating.content.end()).toLowerCase(Locale.ROOT);
                if (said.matches("(?s).*\\b(first(ly)?|two things|three things|the following)\\b.*")) {
                    StatementDraft d = enumerating.copy();
                    d.sentence = s.index();
                    d.cueToken = 0;
                    d.cueSpan = new Span(s.token(0).begin(), s.token(0).end());
                    d.content = trimmed(text, s, 2, lastContentToken(s));
                    if (d.content == null) {
                        return Optional.empty();
                    }
                    d.span = new Span(s.token(0).begin(), d.content.end());
                    d.saidOn = enumerating.saidOn;
                    return Optional.of(d);
                }
            }
        }
        return Optional.empty();
    }
}
