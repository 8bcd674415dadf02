package org.dossier.messaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a consumer's work until it succeeds or can never succeed.
 *
 * <p>A transient failure ({@link FailureClassifier}: the database, the broker or another service unavailable) is
 * retried with exponential backoff for as long as it lasts, up to {@code dossier.messaging.inbox.horizon}; then the
 * work is given up like a permanent failure. A permanent failure gets {@code dossier.messaging.inbox.attempts} tries.
 * Once the service begins to shut down, no more attempts are made and {@link ConsumerStoppedException} is thrown: the
 * consumer leaves the message unacknowledged, to be read again after the restart.
 */
@ApplicationScoped
public class Retries {

    private static final Logger LOG = Logger.getLogger(Retries.class);

    private final MessagingConfig config;
    private final Object stopSignal = new Object();
    private volatile boolean stopping;

    Retries(MessagingConfig config) {
        this.config = config;
    }

    // Before the connectors and the persistence unit go: a consumer waiting out an outage stops at once.
    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        stopping = true;
        synchronized (stopSignal) {
            stopSignal.notifyAll();
        }
    }

    public boolean stopping() {
        return stopping;
    }

    /**
     * Returns what {@code work} returns on its first success. Throws {@link ConsumerStoppedException} when the service
     * stops first, or {@link GaveUp} (carrying the last failure) when the failure is permanent or outlasted the horizon.
     */
    public <T> T call(String what, Supplier<T> work) {
        MessagingConfig.Inbox inbox = config.inbox();
        Backoff backoff = new Backoff(inbox.retryDelay(), inbox.maxRetryDelay());
        long giveUpAt = System.nanoTime() + inbox.horizon().toNanos();
        int permanentAttempts = Math.max(1, inbox.attempts());
        int permanentFailures = 0;
        for (int attempt = 1; ; attempt++) {
            if (stopping) {
                throw new ConsumerStoppedException("shutting down before " + what + " succeeded", null);
            }
            try {
                return work.get();
            } catch (RuntimeException e) {
                boolean transientFailure = FailureClassifier.isTransient(e);
                if (stopping) {
                    // Whatever failed, it may have failed because the service is going away.
                    throw new ConsumerStoppedException("shutting down while " + what + " failed: " + rootMessage(e), e);
                }
                if (!transientFailure && ++permanentFailures >= permanentAttempts) {
                    throw new GaveUp(rootMessage(e), attempt, e);
                }
                if (transientFailure && System.nanoTime() - giveUpAt >= 0) {
                    throw new GaveUp("still failing after " + inbox.horizon() + ": " + rootMessage(e), attempt, e);
                }
                Duration delay = backoff.delay(attempt);
                LOG.warnf("%s failed (attempt %d, %s), retrying in %s ms: %s", what, attempt,
                        transientFailure ? "transient" : "permanent " + permanentFailures + " of " + permanentAttempts,
                        delay.toMillis(), rootMessage(e));
                pause(delay);
            }
        }
    }

    private void pause(Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        synchronized (stopSignal) {
            while (!stopping) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    stopSignal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ConsumerStoppedException("interrupted while waiting to retry", e);
                }
            }
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** The work can never succeed, or did not within the horizon; {@link #reason()} says why. */
    public static final class GaveUp extends RuntimeException {
        private final String reason;
        private final int attempts;

        GaveUp(String reason, int attempts, Throwable cause) {
            super(reason, cause);
            this.reason = reason;
            this.attempts = attempts;
        }

        public String reason() {
            return reason;
        }

        public int attempts() {
            return attempts;
        }
    }
}
