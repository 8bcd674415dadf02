package org.dossier.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
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

    private EventHandlers(String consumer) {
        this.consumer = consumer;
    }

    public static EventHandlers forConsumer(String consumer) {
        return new EventHandlers(consumer);
    }

    /** The handler runs inside the transaction that records the event as processed. */
    public <T> EventHandlers on(EventType<T> type, Consumer<T> handler) {
        handlers.put(type.name(), new Handler<>(type, handler, null));
        return this;
    }

    /**
     * As {@link #on(EventType, Consumer)}, and when every attempt has failed, {@code onFailure} runs in a transaction of
     * its own (the handler's was rolled back) with the reason, before the message is dead-lettered: the place to
     * publish that the work failed, so that those waiting for it learn why.
     */
    public <T> EventHandlers on(EventType<T> type, Consumer<T> handler, BiConsumer<T, String> onFailure) {
        handlers.put(type.name(), new Handler<>(type, handler, onFailure));
        return this;
    }

    public String consumer() {
        return consumer;
    }

    Optional<Handler<?>> forType(String typeName) {
        return Optional.ofNullable(handlers.get(typeName));
    }

    record Handler<T>(EventType<T> type, Consumer<T> action, BiConsumer<T, String> onFailure) {
    }
}
