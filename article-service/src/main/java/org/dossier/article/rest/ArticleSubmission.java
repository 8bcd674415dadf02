package org.dossier.article.rest;

/** The ingest JSON shape of the public contract. Unknown fields are rejected, not dropped. */
public record ArticleSubmission(String text, String title, String url, String source, String publishedAt, String language) {
}
