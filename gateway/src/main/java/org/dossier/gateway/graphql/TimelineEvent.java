package org.dossier.gateway.graphql;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("TimelineEvent")
@Description("One dated happening, merged from every article that reports it.")
public class TimelineEvent implements Node {
    private final UUID id;
    private final String label;
    private final Enums.EventKind kind;
    private final LocalDate start;
    private final LocalDate end;
    private final Enums.Granularity granularity;

    public TimelineEvent(UUID id, String label, Enums.EventKind kind, LocalDate start, LocalDate end, Enums.Granularity granularity) {
        this.id = id;
        this.label = label;
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.granularity = granularity;
    }

    @Override
    @Id
    @NonNull
    public String getId() {
        return GlobalId.of("TimelineEvent", id);
    }

    @NonNull
    @Description("A short label.")
    public String getLabel() {
        return label;
    }

    @NonNull
    @Description("What kind of happening.")
    public Enums.EventKind getKind() {
        return kind;
    }

    @NonNull
    @Description("First day it may have happened on.")
    public LocalDate getStart() {
        return start;
    }

    @NonNull
    @Description("Last day it may have happened on.")
    public LocalDate getEnd() {
        return end;
    }

    @NonNull
    @Description("How precise the dates are.")
    public Enums.Granularity getGranularity() {
        return granularity;
    }

    @NonNull
    @Description("Who took part.")
    public List<@NonNull Entity> getParticipants() {
        return List.of();
    }

    @NonNull
    @Description("Where it happened.")
    public List<@NonNull Place> getPlaces() {
        return List.of();
    }

    @NonNull
    @Description("The controls it concerns.")
    public List<@NonNull Control> getControls() {
        return List.of();
    }

    @NonNull
    @Description("Every article that reports it, with the passage.")
    public List<@NonNull EventSource> getSources() {
        return List.of();
    }
}
