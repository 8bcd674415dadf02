package org.dossier.messaging;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.dossier.events.MalformedEventException;

/**
 * Tells a failure of a dependency (the database, the broker, another service, or this process shutting down), which
 * goes away and is worth waiting out, from a failure of the message itself, which no retry can cure.
 *
 * <p>The whole cause chain is read: drivers, pools and transaction managers wrap the failure that matters. A message
 * that is known bad anywhere in the chain (malformed, or given up on already) is permanent, whatever else the chain
 * holds; otherwise any transient cause makes the failure transient; anything unrecognised is permanent.
 */
public final class FailureClassifier {

    /**
     * SQLState prefixes of failures that are not the statement's fault: connection exceptions (08), the server shutting
     * down or restarting (57P01-57P03), out of resources (53: too many connections, disk full), and the conflicts that
     * PostgreSQL asks the client to retry (40001 serialization, 40P01 deadlock).
     */
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("08", "57P01", "57P02", "57P03", "53", "40001", "40P01");

    /** Messages of failures that only happen while this process shuts down or a pool is starved. */
    private static final Set<String> TRANSIENT_MESSAGES = Set.of(
            "Acquisition timeout", // Agroal: no connection within the acquisition timeout
            "EntityManagerFactory is closed", // Hibernate, during shutdown
            "WorkerPoolRegistry is being shut down", // SmallRye Reactive Messaging, during shutdown
            "This pool is closed"); // Agroal, during shutdown

    private FailureClassifier() {
    }

    public static boolean isTransient(Throwable failure) {
        boolean transientCause = false;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (isPermanent(t)) {
                return false;
            }
            transientCause |= isTransientCause(t);
        }
        return transientCause;
    }

    private static boolean isPermanent(Throwable t) {
        return t instanceof MalformedEventException || t instanceof EventProcessingException || t instanceof Retries.GaveUp
                // Jackson's parse errors are IOExceptions, yet a malformed document stays malformed.
                || t.getClass().getName().startsWith("com.fasterxml.jackson.");
    }

    private static boolean isTransientCause(Throwable t) {
        if (t instanceof ConsumerStoppedException || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof RetriableException || t instanceof TimeoutException || t instanceof IOException
                || t instanceof InterruptedException || t instanceof RejectedExecutionException
                || t instanceof jakarta.transaction.SystemException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null
                && TRANSIENT_SQL_STATES.stream().anyMatch(sql.getSQLState()::startsWith)) {
            return true;
        }
        String message = t.getMessage();
        return message != null && TRANSIENT_MESSAGES.stream().anyMatch(message::contains);
    }
}
