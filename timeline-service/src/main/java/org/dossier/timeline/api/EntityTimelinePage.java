package org.dossier.timeline.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One page of an entity's timeline: the events it took part in and the statements it made, in date order (events
 * before statements of the same day).
 */
public record EntityTimelinePage(List<Entry> items, List<String> cursors, long totalCount, String endCursor,
                                 boolean hasNextPage) {

    public static final String EVENT = "EVENT";
    public static final String STATEMENT = "STATEMENT";

    /**
     * An event (with {@code event} set) or a statement (an entity-service statement id, dated by when it was said or,
     * failing that, by its article's publication).
     */
    public record Entry(String kind, UUID id, LocalDate start, LocalDate end, String granularity, TimelineEventView event) {
    }

    /** What the gateway asks for: the same page of several entities' timelines. */
    public record Request(List<UUID> entityIds, Integer first, String after) {
    }
}
