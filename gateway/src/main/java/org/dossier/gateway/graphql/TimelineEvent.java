package org.dossier.gateway.graphql;

import java.time.LocalDate;
import org.dossier.gateway.client.TimelineEventRecord;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("TimelineEvent")
@Description("One dated happening, merged from every article that reports it.")
public class TimelineEvent implements Node, EntityTimelineItem {

    static final String TYPE = "TimelineEvent";
    private final TimelineEventRecord record;

    public TimelineEvent(TimelineEventRecord record) {
        this.record = record;
    }

    /** The downstream record (not a field). */
    public TimelineEventRecord record() {
        return record;
    }

    @Override
    @Id
    @NonNull
    public String getId() {
        return GlobalId.of(TYPE, record.id());
    }

    @NonNull
    @Description("A short label.")
    public String getLabel() {
        return record.label();
    }

    @NonNull
    @Description("What kind of happening.")
    public Enums.EventKind getKind() {
        return Enums.EventKind.valueOf(record.kind());
    }

    @NonNull
    @Description("First day it may have happened on.")
    public LocalDate getStart() {
        return record.start();
    }

    @NonNull
    @Description("Last day it may have happened on.")
    public LocalDate getEnd() {
        return record.end();
    }

    @NonNull
    @Description("How precise the dates are.")
    public Enums.Granularity getGranularity() {
        return Enums.Granularity.valueOf(record.granularity());
    }

    @Description("How sure the merge of its sources is, 0 to 1.")
    public double getConfidence() {
        return record.confidence();
    }
}
