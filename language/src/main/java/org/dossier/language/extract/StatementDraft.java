package org.dossier.language.extract;

import org.dossier.language.model.DateRange;
import org.dossier.language.model.SpeakerKind;
import org.dossier.language.model.Span;

/** A statement a rule proposes; {@link StatementResolver} merges the proposals and freezes them into statements. */
final class StatementDraft {
    String rule;
    String attributedTo;
    Span speakerSpan;
    String speakerKey;
    SpeakerKind speakerKind;
    String cue;
    /** Index of the sentence holding the cue (or the content's first sentence when there is no cue). */
    int sentence;
    /** Index of the cue's token in that sentence, -1 when the cue is not a token (a transcript label). */
    int cueToken = -1;
    Span cueSpan;
    /** The sentence or passage the statement is read from. */
    Span span;
    Span content;
    boolean direct;
    String reportedByKey;
    DateRange saidOn;
    /** A transcript's question: not a statement, but what it relays is reported by the outlet asking ({@code reportedByKey}). */
    boolean question;
    /** The attribution introduces a whole document ("X released the following statement:", "X's remarks are below:"). */
    boolean document;

    StatementDraft copy() {
        StatementDraft d = new StatementDraft();
        d.rule = rule;
        d.attributedTo = attributedTo;
        d.speakerSpan = speakerSpan;
        d.speakerKey = speakerKey;
        d.speakerKind = speakerKind;
        d.cue = cue;
        d.reportedByKey = reportedByKey;
        return d;
    }

    void speaker(SpeakerRef speaker) {
        attributedTo = speaker.attributedTo();
        speakerSpan = speaker.span();
        speakerKey = speaker.key();
        speakerKind = speaker.kind();
    }
}
