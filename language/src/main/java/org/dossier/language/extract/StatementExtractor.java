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
final class StatementExtractor {

    /** A statement being assembled; frozen into {@link Statement} at the end. */
    private static final class Draft {
        String attributedTo;
        String speakerKey;
        SpeakerKind speakerKind;
        String cue;
        int sentence;
        int cueToken;
        Span cueSpan;
        Span span;
        Span content;
        boolean direct;
        String reportedByKey;
        DateRange saidOn;

        Draft copy() {
            Draft d = new Draft();
            d.attributedTo = attributedTo;
            d.speakerKey = speakerKey;
            d.speakerKind = speakerKind;
            d.cue = cue;
            d.reportedByKey = reportedByKey;
            return d;
        }
    }

    private record Speaker(String attributedTo, Span span, String key, SpeakerKind kind) {
    }

    private static final Set<String> SUBJECT_EXCLUDED = Set.of("appos", "acl", "punct", "parataxis", "dep", "ccomp");
    private static final Set<String> REPORT_HEADS = Set.of("report", "reports", "article", "statement", "analysis", "survey", "story");
    private static final Set<String> QUOTES = Set.of("\"", "``", "''", "“", "”");

    private final KnowledgeBase.Cues cues;

    StatementExtractor(KnowledgeBase kb) {
        this.cues = kb.cues;
    }

    List<Statement> extract(ParsedText parsed, ArticleEntities entities, LocalDate published, List<TimeExpression> times) {
        String text = parsed.text();
        List<Draft> drafts = new ArrayList<>();
        for (Sentence s : parsed.sentences()) {
            List<Draft> here = new ArrayList<>();
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
        List<Statement> out = new ArrayList<>();
        for (Draft d : drafts) {
            if (d.saidOn == null) {
                d.saidOn = dateOfCue(parsed.sentences().get(d.sentence), d, times, published);
            }
            String content = text.substring(d.content.start(), d.content.end()).strip();
            String quote = text.substring(d.span.start(), d.span.end());
            List<String> about = entities.within(d.content).stream()
                    .filter(m -> m.kind() == EntityKind.CONTROL).map(Mention::entityKey).distinct().toList();
            out.add(new Statement(d.attributedTo, d.speakerKey, d.speakerKind, d.cue, content, quote, d.direct, d.span,
                    d.reportedByKey, d.saidOn, about));
        }
        return out;
    }

    // ---- "X said that ..." -------------------------------------------------------------------------------------

    private Optional<Draft> verbStatement(String text, Sentence s, int v, ArticleEntities entities, List<Draft> before,
                                          List<Draft> sameSentence) {
        Token verb = s.token(v);
        if (!verb.isVerb()) {
            return Optional.empty();
        }
        String lemma = verb.lemma().toLowerCase(Locale.ROOT);
        int cueEnd = v;
        String cue = verb.text();
        boolean reporting = cues.reportingVerbs().contains(lemma);
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
        Draft d = new Draft();
        d.sentence = s.index();
        d.cueToken = v;
        d.cue = cue;
        d.cueSpan = new Span(verb.begin(), s.token(cueEnd).end());
        Speaker speaker = null;
        List<Integer> subjects = s.children(v, "nsubj").stream().filter(c -> s.relationOf(c).equals("nsubj")).toList();
        List<Integer> passiveSubjects = s.children(v, "nsubj:pass");
        List<Integer> expletives = s.children(v, "expl");
        if (!passiveSubjects.isEmpty() || !expletives.isEmpty()) {
            int subj = !passiveSubjects.isEmpty() ? passiveSubjects.get(0) : expletives.get(0);
            String impersonal = cues.impersonalCues().get(lemma);
            if (impersonal == null || !s.token(subj).text().equalsIgnoreCase("it")) {
                return Optional.empty();
            }
            speaker = new Speaker(impersonal, null, null, SpeakerKind.ANONYMOUS);
            d.cue = text.substring(s.token(subj).begin(), verb.end());
            d.cueSpan = new Span(s.token(subj).begin(), verb.end());
        } else if (!subjects.isEmpty()) {
            // Several subjects happen when the parser splits a name ("He" + "Lifeng"): prefer one inside a mention.
            int subject = subjects.stream().filter(c -> entities.at(tokenSpan(s, c)).isPresent()).findFirst().orElse(subjects.get(0));
            speaker = speakerOf(text, s, subject, entities, before, sameSentence);
            if (speaker == null || quoteBetween(s, subject, v)) {
                return Optional.empty(); // not a speaker, or a quoted phrase ("the US side's "say one thing" tactics")
            }
        } else {
            // No subject of its own: a participle or conjunct reporting verb ("..., disclosing two things").
            int head = s.head(v);
            if (head < 0 || !s.token(head).isVerb()) {
                return Optional.empty();
            }
            Optional<Draft> governing = sameSentence.stream().filter(x -> x.cueToken == head).findFirst();
            if (governing.isEmpty()) {
                return Optional.empty();
            }
            // The governing clause's speaker speaks here too; after a citing verb that is the cited source
            // ("Reuters cited informed sources, disclosing that ...": the sources disclose, Reuters reports).
            Draft g = governing.get();
            d.attributedTo = g.attributedTo;
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
        d.attributedTo = speaker.attributedTo();
        d.speakerKey = speaker.key();
        d.speakerKind = speaker.kind();
        if (citing) {
            // "Reuters cited information from informed sources": the cited source speaks, the outlet reports.
            Optional<Speaker> source = citedSource(text, s, v, entities, before, sameSentence);
            if (source.isPresent()) {
                d.reportedByKey = speaker.key();
                d.attributedTo = source.get().attributedTo();
                d.speakerKey = source.get().key();
                d.speakerKind = source.get().kind();
            }
        } else {
            // "Bloomberg reported, citing U.S. officials, that ...": the officials speak, Bloomberg reports.
            for (int c : s.children(v)) {
                if (cues.citingVerbs().contains(s.token(c).lemma().toLowerCase(Locale.ROOT)) && s.token(c).pos().equals("VBG")) {
                    Optional<Speaker> source = citedSource(text, s, c, entities, before, sameSentence);
                    if (source.isPresent()) {
                        d.reportedByKey = speaker.key();
                        d.attributedTo = source.get().attributedTo();
                        d.speakerKey = source.get().key();
                        d.speakerKind = source.get().kind();
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

    /** The speaker a subject token stands for, or null when it is the author's voice or not a speaker at all. */
    private Speaker speakerOf(String text, Sentence s, int head, ArticleEntities entities, List<Draft> before,
                             List<Draft> sameSentence) {
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
        if (atHead.isEmpty() && h.pos().startsWith("PRP") && !h.pos().equals("PRP$")) {
            if (word.equals("he") || word.equals("she")) {
                return lastSpeaker(before, sameSentence, Set.of(SpeakerKind.PERSON))
                        .map(p -> new Speaker(written, span, p.speakerKey, p.speakerKind)).orElse(null);
            }
            if (word.equals("they")) {
                return lastSpeaker(before, sameSentence, Set.of(SpeakerKind.GOVERNMENT, SpeakerKind.GROUP, SpeakerKind.ORGANIZATION))
                        .map(p -> new Speaker(written, span, p.speakerKey, p.speakerKind)).orElse(null);
            }
            return null; // I, we, it, you: the author's voice or nothing to attribute
        }
        if (atHead.isEmpty() && cues.authorVoiceSubjects().contains(word)) {
            return null;
        }
        for (int c : s.children(head, "det")) {
            String det = s.token(c).text().toLowerCase(Locale.ROOT);
            if ((det.equals("this") || det.equals("these") || det.equals("that") || det.equals("those"))
                    && atHead.isEmpty()) {
                return null; // "This shift indicates": an inference of the author, not speech
            }
        }
        if (atHead.isPresent()) {
            Mention m = atHead.get();
            return switch (m.kind()) {
                case PERSON -> new Speaker(written, span, m.entityKey(), SpeakerKind.PERSON);
                case ORGANIZATION -> new Speaker(written, span, m.entityKey(), SpeakerKind.ORGANIZATION);
                case COUNTRY -> new Speaker(written, span, m.entityKey(), SpeakerKind.GOVERNMENT);
                default -> null;
            };
        }
        List<Mention> inside = entities.within(span);
        Optional<Mention> country = inside.stream().filter(m -> m.kind() == EntityKind.COUNTRY).findFirst();
        Optional<Mention> organization = inside.stream().filter(m -> m.kind() == EntityKind.ORGANIZATION).findFirst();
        if (cues.governmentHeads().contains(word) && country.isPresent()) {
            return new Speaker(written, span, country.get().entityKey(), SpeakerKind.GOVERNMENT);
        }
        if (REPORT_HEADS.contains(word) && organization.isPresent()) {
            return new Speaker(written, span, organization.get().entityKey(), SpeakerKind.ORGANIZATION);
        }
        if (cues.groupHeads().contains(word)) {
            return new Speaker(written, span, null, SpeakerKind.GROUP);
        }
        if (cues.anonymousHeads().contains(word)) {
            return new Speaker(written, span, null, SpeakerKind.ANONYMOUS);
        }
        if ("PERSON".equals(h.entityTag())) {
            return new Speaker(written, span, null, SpeakerKind.PERSON);
        }
        if ("ORGANIZATION".equals(h.entityTag())) {
            return new Speaker(written, span, null, SpeakerKind.ORGANIZATION);
        }
        return null;
    }

    /** The object of a citing verb, or the source inside it ("information from informed sources"). */
    private Optional<Speaker> citedSource(String text, Sentence s, int citeVerb, ArticleEntities entities,
                                          List<Draft> before, List<Draft> sameSentence) {
        for (int obj : s.children(citeVerb, "obj")) {
            Speaker direct = speakerOf(text, s, obj, entities, before, sameSentence);
            if (direct != null) {
                return Optional.of(direct);
            }
            for (int n : s.children(obj, "nmod")) {
                Speaker inner = speakerOf(text, s, n, entities, before, sameSentence);
                if (inner != null) {
                    return Optional.of(inner);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Draft> lastSpeaker(List<Draft> before, List<Draft> sameSentence, Set<SpeakerKind> kinds) {
        List<Draft> all = new ArrayList<>(before);
        all.addAll(sameSentence);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (kinds.contains(all.get(i).speakerKind) && all.get(i).speakerKey != null) {
                return Optional.of(all.get(i));
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

    private Optional<Draft> accordingTo(String text, Sentence s, ArticleEntities entities, List<Draft> sameSentence) {
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
            List<Draft> inner = sameSentence.stream().filter(d -> d.cueSpan.start() > source.end()).toList();
            if (!inner.isEmpty()) {
                for (Draft d : inner) {
                    if (d.reportedByKey == null) {
                        d.reportedByKey = org.map(Mention::entityKey).orElse(null);
                    }
                }
                return Optional.empty();
            }
            Draft d = new Draft();
            d.sentence = s.index();
            d.cueToken = i;
            d.cue = text.substring(s.token(i).begin(), s.token(i + 1).end());
            d.cueSpan = new Span(s.token(i).begin(), s.token(i + 1).end());
            d.attributedTo = written;
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
    private void nestInside(List<Draft> here) {
        for (Draft inner : here) {
            for (Draft outer : here) {
                if (inner != outer && outer.content.contains(inner.cueSpan) && inner.reportedByKey == null) {
                    inner.reportedByKey = outer.speakerKind == SpeakerKind.ORGANIZATION ? outer.speakerKey : outer.reportedByKey;
                }
            }
        }
    }

    // ---- continuations -------------------------------------------------------------------------------------------

    private Optional<Draft> continuation(String text, ParsedText parsed, Sentence s, List<Draft> drafts) {
        if (drafts.isEmpty() || s.tokens().size() < 3) {
            return Optional.empty();
        }
        Draft previous = drafts.get(drafts.size() - 1);
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
                Draft enumerating = drafts.get(i);
                String said = text.substring(enumerating.content.start(), enumerating.content.end()).toLowerCase(Locale.ROOT);
                if (said.matches("(?s).*\\b(first(ly)?|two things|three things|the following)\\b.*")) {
                    Draft d = enumerating.copy();
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

    // ---- when ----------------------------------------------------------------------------------------------------

    /** A date on the cue's clause ("reported today (June 10)", "on June 9, X called on"), else the publication day. */
    private DateRange dateOfCue(Sentence s, Draft d, List<TimeExpression> times, LocalDate published) {
        Span before = new Span(s.begin(), d.content == null ? d.cueSpan.end() : Math.max(d.cueSpan.end(), Math.min(d.content.start(), d.cueSpan.end() + 40)));
        Optional<TimeExpression> near = times.stream()
                .filter(t -> before.contains(t.span()) && (d.content == null || !d.content.contains(t.span())))
                .filter(t -> t.range() != null)
                .max(Comparator.comparingInt(t -> t.span().start()));
        if (near.isPresent()) {
            return near.get().range();
        }
        return published == null ? null : DateRange.day(published);
    }
}
