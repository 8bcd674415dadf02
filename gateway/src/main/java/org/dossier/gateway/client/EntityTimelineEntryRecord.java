package org.dossier.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One entry of an entity's timeline from timeline-service: an event (with the event itself) or a statement (its
 * entity-service id and the date it is placed at).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EntityTimelineEntryRecord(String kind, UUID id, LocalDate start, LocalDate end, String granularity,
                                        TimelineEventRecord event) {

    public static final String EVENT = "EVENT";
    public static final String STATEMENT = "STATEMENT";

    /** The same page of several entities' timelines. */
    public record Request(List<UUID> entityIds, int first, String after) {
    }
}
