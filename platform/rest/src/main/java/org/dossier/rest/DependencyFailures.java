package org.dossier.rest;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/** Whether a failure means a dependency is unavailable (so that trying again later may succeed), and which one. */
public final class DependencyFailures {

    public static final String POSTGRESQL = "PostgreSQL";

    private DependencyFailures() {
    }

    /** The dependency the failure or one of its causes says is unavailable; empty for any other failure. */
    public static Optional<String> unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return Optional.of(POSTGRESQL);
            }
            if (t instanceof SQLException sql && (unavailableState(sql.getSQLState())
                    // the pool's acquisition timeout: no connection could be had in time
                    || sql.getCause() instanceof TimeoutException)) {
                return Optional.of(POSTGRESQL);
            }
        }
        return Optional.empty();
    }

    /**
     * PostgreSQL's codes for a server that cannot be reached or is going away: class 08 (connection exception),
     * 57P01-57P03 (shut down by an administrator, crashed, cannot accept connections yet) and 53300 (too many connections).
     */
    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"));
    }
}
