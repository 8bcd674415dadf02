package org.dossier.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * timeline-service created or changed timeline events while placing one article's mentions: new events, events that
 * gained or lost sources, events another was folded into. Ids only: readers fetch what they need. An id that no
 * longer resolves is an event that lost its last source.
 */
public record TimelineEventsChanged(UUID articleId, OffsetDateTime changedAt, List<UUID> eventIds) {
}
