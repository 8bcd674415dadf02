package org.dossier.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A stage gave up on an article after every attempt; the message that carried it went to the dead-letter topic.
 *
 * @param stage {@code analysis} (entity-service) or {@code timeline} (timeline-service)
 * @param reason what went wrong, for operators and for the article's processing status
 */
public record ArticleProcessingFailed(UUID articleId, String stage, String reason, OffsetDateTime failedAt) {
}
