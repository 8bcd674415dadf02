package org.dossier.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** article-service's search page: hits with a cursor each. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticlePageRecord(long totalCount, List<Hit> items, boolean hasNextPage, String endCursor) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hit(ArticleRecord article, String snippet, String cursor) {
    }
}
