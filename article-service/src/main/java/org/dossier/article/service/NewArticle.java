package org.dossier.article.service;

import java.time.OffsetDateTime;

/** A validated submission, ready to store. */
public record NewArticle(String text, String title, String url, String source, OffsetDateTime publishedAt, String language) {
}
