package org.dossier.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.dossier.events.CloudEvent;
import org.dossier.events.EventCodec;
import org.dossier.events.MalformedEventException;
import org.jboss.logging.Logger;

/**
 * Consumes CloudEvents idempotently: the handler's effect and the row that marks the event processed commit in one
 * transaction, so a redelivered event (after a crash, a rebalance or a relay retry) changes nothing.
 *
 * <p>A malformed message throws at once; any other failure is retried a few times and then thrown. Either way the
 * caller's channel, configured with {@code failure-strategy=dead-letter-queue}, sends the message to
 * {@code <topic>.dlq} with the exception message in the {@code dead-letter-reason} header, and carries on.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    private final EntityManager entityManager;
    private final EventCodec codec;
    private final MessagingConfig config;

    EventInbox(EntityManager entityManager, EventCodec codec, MessagingConfig config) {
        this.entityManager = entityManager;
        this.codec = codec;
        this.config = config;
    }

    /** Returns true when the event was processed now, false when skipped (a duplicate, or a type not handled). */
    public boolean handle(EventHandlers handlers, String message) {
        CloudEvent event = codec.read(message);
        var handler = handlers.forType(event.type());
        if (handler.isEmpty()) {
            LOG.debugf("consumer %s skips event type %s", handlers.consumer(), event.type());
            return false;
        }
        return process(handlers.consumer(), event, handler.get());
    }

    private <T> boolean process(String consumer, CloudEvent event, EventHandlers.Handler<T> handler) {
        T payload = codec.payload(event, handler.type());
        int attempts = Math.max(1, config.inbox().attempts());
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!markProcessed(consumer, event.id())) {
                        LOG.debugf("consumer %s already processed event %s", consumer, event.id());
                        return false;
                    }
                    handler.action().accept(payload);
                    return true;
                });
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= attempts) {
                    String reason = rootMessage(e);
                    reportFailure(consumer, event, handler, payload, reason);
                    throw new EventProcessingException(consumer + " failed on " + event.type() + " " + event.id()
                            + " after " + attempt + " attempts: " + reason, e);
                }
                LOG.warnf("consumer %s failed on event %s (attempt %d of %d): %s", consumer, event.id(), attempt, attempts,
                        rootMessage(e));
                sleep(config.inbox().retryDelay().toMillis() * attempt);
            }
        }
    }

    private static <T> void reportFailure(String consumer, CloudEvent event, EventHandlers.Handler<T> handler, T payload,
            String reason) {
        if (handler.onFailure() == null) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> handler.onFailure().accept(payload, reason));
        } catch (RuntimeException e) {
            LOG.errorf(e, "consumer %s could not report the failure of event %s", consumer, event.id());
        }
    }

    private boolean markProcessed(String consumer, String eventId) {
        return entityManager.createNativeQuery("""
                INSERT INTO processed_event (consumer, event_id) VALUES (:consumer, :eventId)
                ON CONFLICT DO NOTHING""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .executeUpdate() == 1;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventProcessingException("interrupted while retrying", e);
        }
    }
}
