package org.dossier.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.dossier.events.CloudEvent;
import org.dossier.events.EventCodec;
import org.dossier.events.EventType;

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

    /**
     * Adds an event to the outbox of the current transaction.
     *
     * @param aggregateId the id of what changed: CloudEvents subject and Kafka key, so its events stay in order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> CloudEvent publish(EventType<T> type, String aggregateId, T payload) {
        CloudEvent event = codec.envelope(type, config.source(), aggregateId, payload);
        entityManager.createNativeQuery("""
                INSERT INTO outbox_event (event_id, topic, message_key, event_type, envelope)
                VALUES (:eventId, :topic, :key, :type, :envelope)""")
                .setParameter("eventId", UUID.fromString(event.id()))
                .setParameter("topic", type.topic())
                .setParameter("key", aggregateId)
                .setParameter("type", type.name())
                .setParameter("envelope", codec.write(event))
                .executeUpdate();
        transactions.registerInterposedSynchronization(new WakeRelayOnCommit(relay));
        return event;
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
