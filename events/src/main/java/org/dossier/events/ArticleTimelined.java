package org.dossier.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** timeline-service placed an article's event mentions on the timeline. */
public record ArticleTimelined(UUID articleId, OffsetDateTime timelinedAt, int eventCount) {
}
