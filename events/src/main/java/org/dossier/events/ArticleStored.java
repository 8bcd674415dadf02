package org.dossier.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An article was stored by article-service. Carries the text so that analysis needs no call back to article-service
 * (event-carried state transfer): entity-service keeps working, and can replay, while article-service is down.
 *
 * @param duplicateOf the article this one reprints, when it is a near duplicate; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleStored(
        UUID articleId,
        String text,
        String title,
        String url,
        String source,
        OffsetDateTime publishedAt,
        String language,
        String contentHash,
        UUID duplicateOf) {
}
