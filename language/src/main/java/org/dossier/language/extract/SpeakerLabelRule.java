package org.dossier.language.extract;

import org.dossier.language.knowledge.KnowledgeBase;
import org.dossier.language.model.EntityKeys;
import org.dossier.language.model.EntityKind;
import org.dossier.language.model.Mention;
import org.dossier.language.model.SpeakerKind;
import org.dossier.language.model.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Speaker-labelled transcripts: press briefings and conferences where a paragraph opens with who speaks
 * ({@code MS. JEAN-PIERRE:}, {@code Lin Jian:}, {@code Q:}/{@code A:}, {@code The President.}). Each answer, up to the
 * next label, is one statement of the person answering: named by the label, or, when the label is generic
 * ({@code A:}), by the transcript's heading or the article's title. Questions are not statements; the outlet asking
 * is kept so that a claim the question relays can name it as {@code reportedBy}.
 */
final class SpeakerLabelRule implements StatementRule {

    /** A turn of a transcript: who ({@code label}), where its words are, and whether it asks. */
    record Turn(Span label, Span words, boolean question, String askingKey) {
    }

    // "MS. JEAN-PIERRE:", "AMBASSADOR TAI:", "Lin Jian:", "Spokesperson Guo Jiakun:", "Q:", "Beijing Daily:".
    private static final Pattern COLON_LABEL = Pattern.compile(
            "(?m)^[ \\t]*(?:[-–—•][ \\t]*)?(\\p{Lu}[\\p{L}'’.\\-]*(?:[ \\t]+\\p{Lu}[\\p{L}'’.\\-]*){0,4})[ \\t]*[:：][ \\t]*(?=\\S)");
    // "The President." and "Q." as White House transcripts write them.
    private static final Pattern PERIOD_LABEL = Pattern.compile(
            "(?m)^[ \\t]*(Q|A|The (?:\\p{Lu}\\p{Ll}+)(?: \\p{Lu}\\p{Ll}+)?)\\.[ \\t]+(?=\\S)");
    // "Q    Good afternoon." as White House briefings write questions: the letter and a wide space.
    private static final Pattern SPACED_LABEL = Pattern.compile("(?m)^[ \\t]*(Q|A)(?:[ \\t]{2,}|\\t)(?=\\S)");
    /** Fewer labelled paragraphs than this is not a transcript ("Note: ..." in an article). */
    private static final int MIN_TURNS = 2;

    private final KnowledgeBase.Cues cues;
    private final SpeakerFinder speakers;

    SpeakerLabelRule(KnowledgeBase kb, SpeakerFinder speakers) {
        this.cues = kb.cues;
        this.speakers = speakers;
    }

    @Override
    public String name() {
        return "speaker-label";
    }

    @Override
    public List<StatementDraft> propose(StatementContext context) {
        String text = context.text();
        List<StatementDraft> out = new ArrayList<>();
        List<Turn> turns = turns(context);
        SpeakerRef heading = null;
        boolean headingRead = false;
        for (Turn turn : turns) {
            if (turn.question()) {
                StatementDraft q = new StatementDraft();
                q.rule = name();
                q.question = true;
                q.reportedByKey = turn.askingKey();
                q.content = turn.words();
                q.span = turn.words();
                out.add(q);
                continue;
            }
            String label = text.substring(turn.label().start(), turn.label().end()).strip();
            SpeakerRef speaker;
            if (cues.answerLabels().contains(label.toLowerCase(Locale.ROOT))) {
                if (!headingRead) {
                    heading = headingSpeaker(context, turns.get(0).label().start());
                    headingRead = true;
                }
                if (heading == null) {
                    continue;
                }
                speaker = new SpeakerRef(heading.attributedTo(), null, heading.key(), heading.kind());
            } else {
                speaker = speakers.ofPhrase(text, turn.label(), context.entities());
                if (speaker == null && turns.stream().anyMatch(Turn::question)) {
                    speaker = newPerson(context, turn.label(), label); // only where questions make it a transcript
                }
                if (speaker == null) {
                    continue; // "Note:", "Background:": a label that names nobody
                }
            }
            StatementDraft d = new StatementDraft();
            d.rule = name();
            d.speaker(speaker);
            if (speaker.span() == null) {
                d.speakerSpan = turn.label();
            }
            d.cue = ":";
            int mark = turn.label().end();
            d.cueSpan = new Span(mark, Math.min(text.length(), mark + 1));
            d.content = turn.words();
            d.span = turn.words();
            d.direct = true;
            d.sentence = context.sentenceIndexFrom(turn.words().start());
            out.add(d);
        }
        return out;
    }

    /** The turns of the text, in order; empty when it is not a transcript. */
    List<Turn> turns(StatementContext context) {
        String text = context.text();
        List<int[]> labels = new ArrayList<>(); // label start, label end, words start
        collect(COLON_LABEL, text, labels);
        collect(SPACED_LABEL, text, labels);
        List<int[]> periodLabels = new ArrayList<>();
        collect(PERIOD_LABEL, text, periodLabels);
        if (periodLabels.size() >= MIN_TURNS && periodLabels.stream().anyMatch(l -> text.charAt(l[0]) == 'Q')) {
            labels.addAll(periodLabels);
        }
        labels.sort((a, b) -> Integer.compare(a[0], b[0]));
        if (labels.size() < MIN_TURNS || labels.stream().map(l -> text.substring(l[0], l[1]).strip()).distinct().count() < 2) {
            return List.of();
        }
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            int[] l = labels.get(i);
            int end = i + 1 < labels.size() ? labels.get(i + 1)[0] : text.length();
            end = endOfTurn(text, l[2], end);
            if (end <= l[2]) {
                continue;
            }
            Span label = new Span(l[0], l[1]);
            String labelText = text.substring(l[0], l[1]).strip();
            String lower = labelText.toLowerCase(Locale.ROOT);
            String words = text.substring(l[2], end);
            Optional<Mention> outlet = context.entities().within(label).stream()
                    .filter(m -> m.kind() == EntityKind.ORGANIZATION).findFirst()
                    .filter(m -> "NEWS_OUTLET".equals(context.entities().organizationKindOf(m.entityKey())));
            boolean person = context.entities().within(label).stream().anyMatch(m -> m.kind() == EntityKind.PERSON)
                    || lower.startsWith("the ") || startsWithHonorific(lower);
            boolean question = cues.questionLabels().contains(lower) || outlet.isPresent()
                    || (!person && !cues.answerLabels().contains(lower) && words.strip().endsWith("?"));
            turns.add(new Turn(label, new Span(l[2], end), question, outlet.map(Mention::entityKey).orElse(null)));
        }
        return turns;
    }

    /**
     * A label that names a person the text has not ("He Yongqian:", "MR. SMITH:"): two to four capitalised words, the
     * honorifics aside, become a new person of the article.
     */
    private SpeakerRef newPerson(StatementContext context, Span labelSpan, String label) {
        List<String> words = new ArrayList<>();
        for (String w : label.split("\\s+")) {
            if (!cues.labelHonorifics().contains(w.toLowerCase(Locale.ROOT))) {
                words.add(w);
            }
        }
        boolean honorific = words.size() < label.split("\\s+").length;
        if (words.isEmpty() || words.size() > 4 || (words.size() < 2 && !honorific)
                || words.stream().anyMatch(w -> !Character.isUpperCase(w.charAt(0)))) {
            return null;
        }
        String name = String.join(" ", words.stream().map(SpeakerLabelRule::capitalised).toList());
        ArticleEntities.Builder person = context.entities().entity(EntityKeys.newKey("person", name), EntityKind.PERSON, name);
        context.entities().mention(person, label, labelSpan, "transcript speaker label, not in the knowledge files");
        return new SpeakerRef(label, labelSpan, person.key, SpeakerKind.PERSON);
    }

    /** "JEAN-PIERRE" as "Jean-Pierre"; names already in mixed case stay as written. */
    private static String capitalised(String word) {
        if (!word.equals(word.toUpperCase(Locale.ROOT))) {
            return word;
        }
        StringBuilder b = new StringBuilder();
        boolean start = true;
        for (char c : word.toCharArray()) {
            b.append(start ? c : Character.toLowerCase(c));
            start = !Character.isLetter(c);
        }
        return b.toString();
    }

    private boolean startsWithHonorific(String lowerLabel) {
        String first = lowerLabel.split("\\s+")[0];
        return lowerLabel.contains(" ") && cues.labelHonorifics().contains(first) && !first.equals("the");
    }

    private static void collect(Pattern p, String text, List<int[]> out) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(new int[] {m.start(1), m.end(1), m.end()});
        }
    }

    /**
     * Where a turn's words end: before the next label, and before a heading between turns (a short line with no
     * full stop, as transcripts put section titles), without trailing space.
     */
    private static int endOfTurn(String text, int start, int limit) {
        int end = limit;
        int lineStart = text.indexOf('\n', start);
        while (lineStart >= 0 && lineStart < limit) {
            int next = text.indexOf('\n', lineStart + 1);
            int lineEnd = next < 0 || next > limit ? limit : next;
            String line = text.substring(lineStart + 1, lineEnd).strip();
            if (!line.isEmpty() && line.split("\\s+").length <= 15 && !line.matches("(?s).*[.!?:;”\"’)\\]]$")) {
                end = lineStart;
                break;
            }
            lineStart = next;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** Who speaks where the label is generic: the person or body the heading (the text before the first turn) names. */
    private SpeakerRef headingSpeaker(StatementContext context, int firstTurn) {
        if (firstTurn <= 0) {
            return context.titleSpeaker();
        }
        SpeakerRef s = speakers.ofPhrase(context.text(), new Span(0, firstTurn), context.entities());
        return s != null ? s : context.titleSpeaker();
    }
}
