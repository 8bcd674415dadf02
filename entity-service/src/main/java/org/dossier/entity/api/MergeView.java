package org.dossier.entity.api;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A resolution beyond an exact known name, with its reason; undone ones stay listed with their time. */
public record MergeView(long id, UUID articleId, String alias, UUID entityId, String reason, OffsetDateTime createdAt,
                        OffsetDateTime undoneAt) {
}
