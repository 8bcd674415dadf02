package org.dossier.timeline.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A merged event as the internal API serves it, with every source. */
public record TimelineEventView(UUID id, String kind, String label, LocalDate start, LocalDate end, String granularity,
                                boolean datesInferred, double confidence, List<UUID> participants, List<UUID> places,
                                List<UUID> controls, List<SourceView> sources) {

    /** One article reporting the event: the passage, its own dates, and why it was merged in. */
    public record SourceView(UUID articleId, UUID mentionId, String quote, int spanStart, int spanEnd, LocalDate start,
                             LocalDate end, String granularity, boolean dateInferred, String mergeReason) {
    }
}
