package org.dossier.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dossier.events.CloudEvent;
import org.dossier.events.EventCodec;
import org.dossier.events.MalformedEventException;
import org.jboss.logging.Logger;

/**
 * Consumes CloudEvents idempotently: the handler's effect and the row that marks the event processed commit in one
 * transaction, so a redelivered event (after a crash, a rebalance or a relay retry) changes nothing.
 *
 * <p>Failures go through {@link Retries}: a dependency that is down (database, broker) is waited out with backoff, up to
 * the configured horizon; a failure of the event itself is tried a few times. A malformed message, or one given up on,
 * is thrown as permanent: the handler's {@code onFailure} records why, and the channel's failure strategy
 * ({@code dossier-dead-letter}, {@link DeadLetterStrategy}) sends it to {@code <topic>.dlq} with the reason in the
 * {@code dead-letter-reason} header, and carries on. When the service shuts down meanwhile,
 * {@link ConsumerStoppedException} is thrown instead: the strategy leaves the message unacknowledged, so it is read
 * again after the restart.
 *
 * <p>A busy consumer takes a poll's worth of messages at once ({@link #handleBatch}): one transaction for all of them,
 * so the per-transaction costs (commit, locks, session) are paid once per poll instead of once per event. Only when
 * that transaction fails are the events taken one by one, with the same retries and dead-lettering as {@link #handle}:
 * one bad message costs its neighbours a second try, never their place.
 *
 * <p>A handler in two steps ({@link EventHandlers#on(org.dossier.events.EventType, java.util.function.Function,
 * java.util.function.BiConsumer, java.util.function.BiConsumer)}) prepares each event before any transaction is opened
 * (one by one, each with its own retries), and only its store step runs in the transaction; when the store is retried,
 * alone or after its batch failed, what was prepared is reused.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    private final EntityManager entityManager;
    private final EventCodec codec;
    private final Retries retries;

    EventInbox(EntityManager entityManager, EventCodec codec, Retries retries) {
        this.entityManager = entityManager;
        this.codec = codec;
        this.retries = retries;
    }

    /** Returns true when the event was processed now, false when skipped (a duplicate, or a type not handled). */
    public boolean handle(EventHandlers handlers, String message) {
        CloudEvent event = codec.read(message);
        var handler = handlers.forType(event.type());
        if (handler.isEmpty()) {
            LOG.debugf("consumer %s skips event type %s", handlers.consumer(), event.type());
            return false;
        }
        Task<?> task = Task.of(codec, event, handler.get());
        if (task.handler().prepares()) {
            if (processedAlready(handlers.consumer(), List.of(event.id())).contains(event.id())) {
                LOG.debugf("consumer %s already processed event %s", handlers.consumer(), event.id());
                return false;
            }
            prepare(handlers.consumer(), task);
        }
        return process(handlers, task);
    }

    /**
     * Handles a poll's worth of records from a channel configured with {@code batch=true}: in one transaction while all
     * succeed; otherwise one by one. A record that fails is nacked alone (the channel's dead-letter strategy sends it
     * to {@code <topic>.dlq}); the batch is acknowledged once every record has been handled or dead-lettered. When the
     * service stops meanwhile, nothing of the batch is acknowledged (acknowledging a batch commits its last offset):
     * all of it is read again after the restart, and what was processed is skipped as a duplicate.
     */
    public CompletionStage<Void> handleBatch(EventHandlers handlers, KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        RuntimeException[] failures = handleAll(handlers, records.stream().map(KafkaRecord::getPayload).toList());
        if (Arrays.stream(failures).anyMatch(ConsumerStoppedException.class::isInstance)) {
            LOG.infof("consumer %s stopping: %d records left unacknowledged, to be read again", handlers.consumer(), records.size());
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<Void>> nacks = new ArrayList<>();
        for (int i = 0; i < failures.length; i++) {
            if (failures[i] != null) {
                nacks.add(records.get(i).nack(failures[i]).toCompletableFuture());
            }
        }
        return CompletableFuture.allOf(nacks.toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }

    /**
     * Handles messages in order, all in one transaction when none fails. Returns, for each message, the exception that
     * failed it for good (malformed, or failed every attempt alone), or null when it was processed or skipped.
     */
    RuntimeException[] handleAll(EventHandlers handlers, List<String> messages) {
        RuntimeException[] failures = new RuntimeException[messages.size()];
        Task<?>[] tasks = new Task<?>[messages.size()];
        for (int i = 0; i < messages.size(); i++) {
            try {
                CloudEvent event = codec.read(messages.get(i));
                tasks[i] = handlers.forType(event.type()).map(handler -> Task.of(codec, event, handler)).orElse(null);
            } catch (MalformedEventException e) {
                failures[i] = e;
            }
        }
        // Two-step handlers do their long work now, outside the transaction; events done already are skipped.
        Set<String> skip = processedAlready(handlers.consumer(), Arrays.stream(tasks)
                .filter(task -> task != null && task.handler().prepares()).map(task -> task.event().id()).toList());
        for (int i = 0; i < tasks.length; i++) {
            if (tasks[i] == null || !tasks[i].handler().prepares()) {
                continue;
            }
            if (!skip.add(tasks[i].event().id())) {
                tasks[i] = null; // processed already, or earlier in this batch
                continue;
            }
            try {
                prepare(handlers.consumer(), tasks[i]);
            } catch (ConsumerStoppedException e) {
                failures[i] = e;
                return failures; // nothing of the batch is acknowledged: all of it is read again
            } catch (RuntimeException e) {
                failures[i] = e;
                tasks[i] = null;
            }
        }
        if (Arrays.stream(tasks).allMatch(task -> task == null)) {
            return failures;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (Task<?> task : tasks) {
                    if (task != null && markProcessed(handlers.consumer(), task.event().id())) {
                        task.apply();
                    }
                }
                handlers.beforeCommit().run();
            });
            return failures;
        } catch (RuntimeException e) {
            LOG.infof("consumer %s: %d events failed together (%s); taking them one by one", handlers.consumer(),
                    Arrays.stream(tasks).filter(task -> task != null).count(), Retries.rootMessage(e));
        }
        for (int i = 0; i < tasks.length; i++) {
            if (tasks[i] != null) {
                try {
                    process(handlers, tasks[i]);
                } catch (ConsumerStoppedException e) {
                    failures[i] = e;
                    break; // the rest waits for the restart too
                } catch (RuntimeException e) {
                    failures[i] = e;
                }
            }
        }
        return failures;
    }

    /** An event decoded for its handler, and what its handler prepared (once, whatever the store's retries). */
    private static final class Task<T> {
        private final CloudEvent event;
        private final EventHandlers.Handler<T> handler;
        private final T payload;
        private Object prepared;

        private Task(CloudEvent event, EventHandlers.Handler<T> handler, T payload) {
            this.event = event;
            this.handler = handler;
            this.payload = payload;
        }

        static <T> Task<T> of(EventCodec codec, CloudEvent event, EventHandlers.Handler<T> handler) {
            return new Task<>(event, handler, codec.payload(event, handler.type()));
        }

        CloudEvent event() {
            return event;
        }

        EventHandlers.Handler<T> handler() {
            return handler;
        }

        void prepare() {
            prepared = handler.prepare().apply(payload);
        }

        void apply() {
            handler.store().accept(payload, prepared);
        }
    }

    /**
     * Runs the task's prepare step, outside any transaction (the caller has none), with the same retries as a store.
     * Throws {@link EventProcessingException} when it gives up, after {@code onFailure}.
     */
    private <T> void prepare(String consumer, Task<T> task) {
        try {
            retries.call("consumer " + consumer + " preparing event " + task.event().id(), () -> {
                task.prepare();
                return null;
            });
        } catch (Retries.GaveUp e) {
            throw gaveUp(consumer, task, e);
        }
    }

    private <T> boolean process(EventHandlers handlers, Task<T> task) {
        String consumer = handlers.consumer();
        CloudEvent event = task.event();
        try {
            return retries.call("consumer " + consumer + " on event " + event.id(), () -> QuarkusTransaction.requiringNew().call(() -> {
                if (!markProcessed(consumer, event.id())) {
                    LOG.debugf("consumer %s already processed event %s", consumer, event.id());
                    return false;
                }
                task.apply();
                handlers.beforeCommit().run();
                return true;
            }));
        } catch (Retries.GaveUp e) {
            throw gaveUp(consumer, task, e);
        }
    }

    private static <T> EventProcessingException gaveUp(String consumer, Task<T> task, Retries.GaveUp e) {
        CloudEvent event = task.event();
        reportFailure(consumer, event, task.handler(), task.payload, e.reason());
        return new EventProcessingException(consumer + " failed on " + event.type() + " " + event.id()
                + " after " + e.attempts() + " attempts: " + e.reason(), e);
    }

    /**
     * The events of this list that the consumer has processed already: looked up before a prepare step, to spare
     * redelivered events the work. Only an optimisation: when the lookup fails (the database is down), nothing is
     * skipped, and the insert into {@code processed_event} in the storing transaction decides, as always.
     */
    @SuppressWarnings("unchecked")
    private Set<String> processedAlready(String consumer, List<String> eventIds) {
        Set<String> done = new HashSet<>();
        if (eventIds.isEmpty()) {
            return done;
        }
        try {
            done.addAll(QuarkusTransaction.requiringNew().call(() -> (List<String>) entityManager.createNativeQuery(
                    "SELECT event_id FROM processed_event WHERE consumer = :consumer AND event_id IN (:eventIds)")
                    .setParameter("consumer", consumer)
                    .setParameter("eventIds", eventIds)
                    .getResultList()));
        } catch (RuntimeException e) {
            LOG.debugf("consumer %s could not look up processed events (%s); preparing them all", consumer,
                    Retries.rootMessage(e));
        }
        return done;
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
}
