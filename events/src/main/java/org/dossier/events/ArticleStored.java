package org.dossier.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An article was stored by article-service. Carries the text so that analysis needs no call back to article-service
 * (event-carried state transfer): entity-service keeps working, and can replay, while article-service is down.
 *
 * @param duplicateOf the article this one reprints, when it is a near duplicate; null otherwise. Its statements and
 *     events are already counted through the original.
 * @param analysisRanges the parts of {@code text} to analyse (boilerplate and repeated passages left out), with
 *     offsets into {@code text}; absent means all of it
 * @param publishedHint a phrase of the text suggesting when it was written, for when {@code publishedAt} is absent
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
        UUID duplicateOf,
        List<TextRange> analysisRanges,
        String publishedHint) {
}
