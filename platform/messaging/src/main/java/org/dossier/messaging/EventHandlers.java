package org.dossier.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.dossier.events.EventType;

/**
 * What one consumer does with each event type it cares about. Types it does not list are skipped, so producers can
 * add event types to a topic without breaking older consumers.
 *
 * @param consumer the consumer's name: its Kafka group id, and its key in the processed-event table
 */
public final class EventHandlers {

    private final String consumer;
    private final Map<String, Handler<?>> handlers = new HashMap<>();
    private Runnable beforeCommit = () -> { };

    private EventHandlers(String consumer) {
        this.consumer = consumer;
    }

    public static EventHandlers forConsumer(String consumer) {
        return new EventHandlers(consumer);
    }

    /** The handler runs inside the transaction that records the event as processed. */
    public <T> EventHandlers on(EventType<T> type, Consumer<T> handler) {
        handlers.put(type.name(), Handler.inTransaction(type, handler, null));
        return this;
    }

    /**
     * As {@link #on(EventType, Consumer)}, and when every attempt has failed, {@code onFailure} runs in a transaction of
     * its own (the handler's was rolled back) with the reason, before the message is dead-lettered: the place to
     * publish that the work failed, so that those waiting for it learn why.
     */
    public <T> EventHandlers on(EventType<T> type, Consumer<T> handler, BiConsumer<T, String> onFailure) {
        handlers.put(type.name(), Handler.inTransaction(type, handler, onFailure));
        return this;
    }

    /**
     * Work in two steps, for a handler whose work is long and needs no database (a parse): {@code prepare} runs first,
     * outside any transaction, so no connection is held meanwhile; then {@code store} gets its result inside the short
     * transaction that records the event as processed. Each step is retried on its own ({@link Retries}): a store that
     * fails (the database is down) is retried with the result prepared once. An event already processed is not
     * prepared again (looked up first); the guarantee remains the insert into {@code processed_event} in the storing
     * transaction, so two instances preparing the same event at once still store it once. {@code onFailure} as in
     * {@link #on(EventType, Consumer, BiConsumer)}, whichever step gave up.
     */
    public <T, R> EventHandlers on(EventType<T> type, Function<T, R> prepare, BiConsumer<T, R> store,
                                   BiConsumer<T, String> onFailure) {
        handlers.put(type.name(), Handler.inTwoSteps(type, prepare, store, onFailure));
        return this;
    }

    /**
     * Runs once in every transaction the inbox opens for this consumer, after the handlers of all its events (one, or a
     * poll's worth) and before it commits. Handlers that only queue their events leave the work to it, to do it for all
     * of them at once; if it fails, the transaction's events are retried one by one, so a failure names its event.
     */
    public EventHandlers beforeCommit(Runnable hook) {
        this.beforeCommit = hook;
        return this;
    }

    Runnable beforeCommit() {
        return beforeCommit;
    }

    public String consumer() {
        return consumer;
    }

    Optional<Handler<?>> forType(String typeName) {
        return Optional.ofNullable(handlers.get(typeName));
    }

    /** {@code prepare} is null for a handler that does all its work in the transaction. */
    record Handler<T>(EventType<T> type, Function<T, ?> prepare, BiConsumer<T, Object> store,
                      BiConsumer<T, String> onFailure) {

        static <T> Handler<T> inTransaction(EventType<T> type, Consumer<T> action, BiConsumer<T, String> onFailure) {
            return new Handler<>(type, null, (payload, prepared) -> action.accept(payload), onFailure);
        }

        @SuppressWarnings("unchecked") // store only ever gets what prepare returned
        static <T, R> Handler<T> inTwoSteps(EventType<T> type, Function<T, R> prepare, BiConsumer<T, R> store,
                                           BiConsumer<T, String> onFailure) {
            return new Handler<>(type, prepare, (payload, prepared) -> store.accept(payload, (R) prepared), onFailure);
        }

        boolean prepares() {
            return prepare != null;
        }
    }
}
