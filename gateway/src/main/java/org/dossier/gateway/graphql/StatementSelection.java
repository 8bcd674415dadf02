package org.dossier.gateway.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import io.smallrye.graphql.api.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dossier.gateway.client.StatementFieldSelection;

/**
 * The fields of entity-service's statements that a selection of a statement connection reads: for each field of the
 * GraphQL {@code Statement}, the record fields its resolver (in {@link Statement} or {@link NestedFields}) reads. A
 * field not listed here makes the gateway ask for every record field, so a new field is never answered from a field
 * left out; {@code StatementSelectionTest} fails until it is listed.
 */
final class StatementSelection {

    static final Map<String, List<String>> RECORD_FIELDS = Map.ofEntries(
            Map.entry("id", List.of("id")),
            Map.entry("attributedTo", List.of("attributedTo")),
            Map.entry("speakerKind", List.of("speakerKind")),
            Map.entry("cue", List.of("cue")),
            Map.entry("content", List.of("content")),
            Map.entry("quote", List.of("quote")),
            Map.entry("direct", List.of("direct")),
            Map.entry("span", List.of("spanStart", "spanEnd")),
            Map.entry("contentSpan", List.of("contentStart", "contentEnd")),
            Map.entry("cueSpan", List.of("cueStart", "cueEnd")),
            Map.entry("attributedToSpan", List.of("attributedToStart", "attributedToEnd")),
            Map.entry("saidOn", List.of("saidFrom", "saidTo", "saidGranularity")),
            Map.entry("speaker", List.of("speakerId")),
            Map.entry("about", List.of("about")),
            Map.entry("reportedBy", List.of("reportedById")),
            Map.entry("article", List.of("articleId")),
            Map.entry("__typename", List.of()));

    private StatementSelection() {
    }

    /**
     * What to ask entity-service for, for the statement connection being fetched. To be called while the fetcher runs
     * (SmallRye's context holds its environment; for a batch, the first parent's, whose selection all parents share),
     * not from a continuation.
     */
    static StatementFieldSelection of(Context request) {
        return of(request.unwrap(DataFetchingEnvironment.class).getSelectionSet());
    }

    /** What to ask entity-service for, for this selection of a {@code StatementConnection}. */
    static StatementFieldSelection of(DataFetchingFieldSelectionSet connection) {
        Set<String> fields = new LinkedHashSet<>();
        fields.add("id"); // the statement's identity, whatever is selected
        for (SelectedField field : connection.getFields("edges/node/*")) {
            List<String> read = RECORD_FIELDS.get(field.getName());
            if (read == null) {
                return StatementFieldSelection.ALL;
            }
            fields.addAll(read);
        }
        return new StatementFieldSelection(new ArrayList<>(fields), connection.contains("edges/cursor"));
    }
}
