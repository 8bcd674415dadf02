package org.dossier.gateway.graphql;

import org.dossier.gateway.client.StatementRecord;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Statement")
@Description("One act of reported speech: who said what (directly or indirectly), about which controls, when, in which article.")
public class Statement implements Node, EntityTimelineItem {

    static final String TYPE = "Statement";
    private final StatementRecord record;

    public Statement(StatementRecord record) {
        this.record = record;
    }

    /** The downstream record (not a field). */
    public StatementRecord record() {
        return record;
    }

    @Override
    @Id
    @NonNull
    public String getId() {
        return GlobalId.of(TYPE, record.id());
    }

    @NonNull
    @Description("The speaker as the text names them (\"Two sources\", \"the U.S. side\", \"Kudlow Hassett\").")
    public String getAttributedTo() {
        return record.attributedTo();
    }

    @NonNull
    @Description("Whether a named person, an organisation, a government, a group or an anonymous source speaks.")
    public Enums.SpeakerKind getSpeakerKind() {
        return Enums.SpeakerKind.valueOf(record.speakerKind());
    }

    @NonNull
    @Description("The reporting expression: \"said\", \"hinted\", \"According to\", \"It is understood\".")
    public String getCue() {
        return record.cue();
    }

    @NonNull
    @Description("What was said.")
    public String getContent() {
        return record.content();
    }

    @NonNull
    @Description("The passage of the article the statement was read from.")
    public String getQuote() {
        return record.quote();
    }

    @Description("True for words in quotation marks, false for indirect speech.")
    public boolean isDirect() {
        return record.direct();
    }

    @NonNull
    @Description("Where the passage is in the article's stored text.")
    public Span getSpan() {
        return new Span(record.spanStart(), record.spanEnd());
    }

    @Description("Where what was said is in the article's stored text; null when the text does not set it apart.")
    public Span getContentSpan() {
        return span(record.contentStart(), record.contentEnd());
    }

    @Description("Where the reporting expression is in the article's stored text; null when there is none (a transcript's turn).")
    public Span getCueSpan() {
        return span(record.cueStart(), record.cueEnd());
    }

    @Description("Where the words naming the speaker are in the article's stored text (a name, a pronoun, a label); null when none do.")
    public Span getAttributedToSpan() {
        return span(record.attributedToStart(), record.attributedToEnd());
    }

    private static Span span(Integer start, Integer end) {
        return start == null || end == null ? null : new Span(start, end);
    }

    @Description("When it was said, as precisely as the text tells; the publication day when it does not.")
    public DateRange getSaidOn() {
        if (record.saidFrom() == null || record.saidGranularity() == null) {
            return null;
        }
        return new DateRange(record.saidFrom(), record.saidTo() == null ? record.saidFrom() : record.saidTo(),
                Enums.Granularity.valueOf(record.saidGranularity()));
    }
}
