package org.dossier.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One page of a downstream list, with a cursor per item. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PageRecord<T>(List<T> items, List<String> cursors, long totalCount, String endCursor, boolean hasNextPage) {

    public static <T> PageRecord<T> empty() {
        return new PageRecord<>(List.of(), List.of(), 0, null, false);
    }
}
