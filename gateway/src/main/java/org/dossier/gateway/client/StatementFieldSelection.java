package org.dossier.gateway.client;

import java.util.List;

/**
 * Which fields of entity-service's statements a call asks for ({@code fields}, null: all) and whether each statement's
 * cursor is wanted. The flagship query needs about half of each statement's bytes, and reading the rest costs the
 * gateway time for nothing.
 */
public record StatementFieldSelection(List<String> fields, boolean cursors) {

    /** Everything: for callers that do not know what will be read. */
    public static final StatementFieldSelection ALL = new StatementFieldSelection(null, true);
}
