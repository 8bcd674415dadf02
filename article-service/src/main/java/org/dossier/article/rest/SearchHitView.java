package org.dossier.article.rest;

/** One search result: the article, how well it matches, and where (terms marked with {@code <mark>}). */
public record SearchHitView(ArticleView article, double rank, String snippet, String cursor) {
}
