package org.dossier.article.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.dossier.article.Article;

/** An article as the API shows it (without its text, which is fetched on its own). */
public record ArticleView(UUID id, String title, String url, String source, OffsetDateTime publishedAt, String publishedHint,
        String language, OffsetDateTime receivedAt, UUID duplicateOf, @JsonRawValue String sections, Processing processing) {

    /** Where the article stands in the pipeline. Stored is always true for an article that exists. */
    public record Processing(boolean stored, boolean analyzed, boolean timelined, OffsetDateTime analyzedAt,
            OffsetDateTime timelinedAt, boolean failed, Failure failure) {
    }

    /** The stage that gave up on the article, and why. */
    public record Failure(String stage, String reason, OffsetDateTime at) {
    }

    public static ArticleView of(Article a) {
        return new ArticleView(a.id, a.title, a.url, a.source, a.publishedAt, a.publishedHint, a.language, a.receivedAt,
                a.duplicateOf, a.sections,
                new Processing(true, a.analyzedAt != null, a.timelinedAt != null, a.analyzedAt, a.timelinedAt, a.failedStage != null,
                        a.failedStage == null ? null : new Failure(a.failedStage, a.failureReason, a.failedAt)));
    }
}
