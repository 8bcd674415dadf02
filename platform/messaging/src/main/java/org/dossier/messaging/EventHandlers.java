package org.dossier.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
        handlers.put(type.name(), new Handler<>(type, handler));
        return this;
    }

    public String consumer() {
        return consumer;
    }

    Optional<Handler<?>> forType(String typeName) {
        return Optional.ofNullable(handlers.get(typeName));
    }

    record Handler<T>(EventType<T> type, Consumer<T> action) {
    }
}
