package org.dossier.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dossier.events.CloudEvent;
import org.dossier.events.EventCodec;
import org.dossier.events.EventType;
import org.hibernate.Session;

/**
 * Records an event in the same transaction as the change it describes. Nothing is sent here: the {@link OutboxRelay}
 * publishes after commit, so an event exists if and only if its change was committed.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final EventCodec codec;
    private final MessagingConfig config;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    Outbox(EntityManager entityManager, EventCodec codec, MessagingConfig config,
            TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.entityManager = entityManager;
        this.codec = codec;
        this.config = config;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** An event's subject and payload. */
    public record Keyed<T>(String aggregateId, T payload) {
    }

    /**
     * Adds an event to the outbox of the current transaction.
     *
     * @param aggregateId the id of what changed: CloudEvents subject and Kafka key, so its events stay in order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> CloudEvent publish(EventType<T> type, String aggregateId, T payload) {
        return publishAll(type, List.of(new Keyed<>(aggregateId, payload))).get(0);
    }

    /** Adds events of one type to the outbox of the current transaction, in one round trip, in list order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> List<CloudEvent> publishAll(EventType<T> type, List<Keyed<T>> events) {
        List<CloudEvent> envelopes = new ArrayList<>(events.size());
        if (events.isEmpty()) {
            return envelopes;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox_event (event_id, topic, message_key, event_type, envelope) VALUES (?, ?, ?, ?, ?)""")) {
                for (Keyed<T> event : events) {
                    CloudEvent envelope = codec.envelope(type, config.source(), event.aggregateId(), event.payload());
                    insert.setObject(1, UUID.fromString(envelope.id()));
                    insert.setString(2, type.topic());
                    insert.setString(3, event.aggregateId());
                    insert.setString(4, type.name());
                    insert.setString(5, codec.write(envelope));
                    insert.addBatch();
                    envelopes.add(envelope);
                }
                insert.executeBatch();
            }
        });
        transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay));
        return envelopes;
    }

    /** Wakes the relay as soon as the event is committed, instead of at its next poll. */
    private record WakeRelayOnCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wake();
            }
        }
    }
}
