package org.dossier.language.extract;

import org.dossier.language.model.DateRange;
import org.dossier.language.model.EntityKind;
import org.dossier.language.model.Mention;
import org.dossier.language.model.Span;
import org.dossier.language.model.Statement;
import org.dossier.language.model.TimeExpression;
import org.dossier.language.nlp.Sentence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Merges the rules' proposals into statements: one reporting act found by two rules (a quote and the clause
 * attributing it) is one statement with the quote's words and the better-resolved speaker; what a transcript's
 * answer already holds is not repeated by its speaker; a claim inside a question is reported by the outlet asking.
 * Then settles when each was said and which controls its content is about.
 */
final class StatementResolver {

    List<Statement> resolve(List<StatementDraft> proposals, StatementContext context, LocalDate published,
                            List<TimeExpression> times) {
        List<StatementDraft> drafts = new ArrayList<>(proposals);
        List<StatementDraft> questions = drafts.stream().filter(d -> d.question).toList();
        drafts.removeIf(d -> d.question || d.speakerKind == null || d.content == null);
        for (StatementDraft q : questions) {
            for (StatementDraft d : drafts) {
                if (d.reportedByKey == null && d.cueSpan != null && q.content.contains(d.cueSpan)) {
                    d.reportedByKey = q.reportedByKey;
                }
            }
        }
        List<StatementDraft> kept = new ArrayList<>();
        drafts.sort(Comparator.comparingInt(StatementResolver::priority));
        for (StatementDraft d : drafts) {
            StatementDraft same = kept.stream().filter(k -> sameAct(k, d)).findFirst().orElse(null);
            if (same == null) {
                kept.add(d);
                continue;
            }
            // The same act: keep the first (the quote's words, the label's turn) and fill in what only the other knew.
            if (same.speakerKey == null && d.speakerKey != null && same.speakerKind == d.speakerKind) {
                same.speakerKey = d.speakerKey;
            }
            if (same.reportedByKey == null) {
                same.reportedByKey = d.reportedByKey;
            }
        }
        kept.sort(Comparator.comparingInt(d -> d.content.start()));
        String text = context.text();
        List<Statement> out = new ArrayList<>();
        for (StatementDraft d : kept) {
            if (d.saidOn == null) {
                d.saidOn = dateOfCue(context, d, times, published);
            }
            String content = text.substring(d.content.start(), d.content.end()).strip();
            String quote = text.substring(d.span.start(), d.span.end());
            List<String> about = context.entities().within(d.content).stream()
                    .filter(m -> m.kind() == EntityKind.CONTROL).map(Mention::entityKey).distinct().toList();
            out.add(new Statement(d.attributedTo, d.speakerKey, d.speakerKind, d.cue, content, quote, d.direct, d.span,
                    d.reportedByKey, d.saidOn, about, d.content, d.cueSpan, d.speakerSpan));
        }
        return out;
    }

    /** Quotes first (their words are exact), then transcript turns, then reporting clauses. */
    private static int priority(StatementDraft d) {
        return switch (d.rule) {
            case "quotation" -> 0;
            case "speaker-label" -> 1;
            default -> 2;
        };
    }

    /**
     * Two proposals are one act when they share the cue, or when one's words lie inside the other's and the speaker
     * is the same (a turn's sentence read again by the clause rule, a quote's clause).
     */
    private static boolean sameAct(StatementDraft a, StatementDraft b) {
        if (a.cueSpan != null && b.cueSpan != null && a.cueSpan.overlaps(b.cueSpan)) {
            return true;
        }
        boolean sameSpeaker = a.speakerKey != null ? Objects.equals(a.speakerKey, b.speakerKey)
                : b.speakerKey == null && a.speakerKind == b.speakerKind && Objects.equals(a.attributedTo, b.attributedTo);
        return sameSpeaker && !a.rule.equals(b.rule) && (a.content.contains(b.content) || b.content.contains(a.content)
                || overlapShare(a.content, b.content) > 0.5);
    }

    private static double overlapShare(Span a, Span b) {
        int common = Math.min(a.end(), b.end()) - Math.max(a.start(), b.start());
        int shorter = Math.min(a.end() - a.start(), b.end() - b.start());
        return common <= 0 || shorter <= 0 ? 0 : (double) common / shorter;
    }

    /** A date on the cue's clause ("reported today (June 10)", "on June 9, X called on"), else the publication day. */
    private static DateRange dateOfCue(StatementContext context, StatementDraft d, List<TimeExpression> times, LocalDate published) {
        if (d.cueSpan != null && d.sentence >= 0 && d.sentence < context.sentences().size()) {
            Sentence s = context.sentences().get(d.sentence);
            Span before = new Span(s.begin(), Math.max(d.cueSpan.end(), Math.min(d.content.start(), d.cueSpan.end() + 40)));
            Optional<TimeExpression> near = times.stream()
                    .filter(t -> before.contains(t.span()) && !d.content.contains(t.span()))
                    .filter(t -> t.range() != null)
                    .max(Comparator.comparingInt(t -> t.span().start()));
            if (near.isPresent() && (published == null || !near.get().range().start().isAfter(published))) {
                DateRange said = near.get().range();
                // Nothing is said after it is reported: a range reaching past publication ends there.
                return published != null && said.end().isAfter(published)
                        ? new DateRange(said.start(), published, said.granularity()) : said;
            }
        }
        return published == null ? null : DateRange.day(published);
    }
}
