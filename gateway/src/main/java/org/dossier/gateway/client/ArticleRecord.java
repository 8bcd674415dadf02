package org.dossier.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The gateway's own view of article-service's answer; unknown fields are ignored so the service can grow. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleRecord(UUID id, String title, String url, String source, OffsetDateTime publishedAt, UUID duplicateOf,
        ProcessingRecord processing) {

    /** {@code failure}: the stage that gave up, if one has. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProcessingRecord(boolean stored, boolean analyzed, boolean timelined, OffsetDateTime analyzedAt,
            OffsetDateTime timelinedAt, FailureRecord failure) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FailureRecord(String stage, String reason, OffsetDateTime at) {
    }
}
