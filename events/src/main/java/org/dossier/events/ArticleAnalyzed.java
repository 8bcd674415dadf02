package org.dossier.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** entity-service finished the language analysis of an article. */
public record ArticleAnalyzed(UUID articleId, OffsetDateTime analyzedAt, int mentionCount, int statementCount) {
}
