package org.dossier.article.rest;

import java.util.List;

/** A page of articles, Relay-style: pass {@code endCursor} as {@code after} for the next page. */
public record ArticlePageView(long totalCount, List<SearchHitView> items, boolean hasNextPage, String endCursor) {
}
