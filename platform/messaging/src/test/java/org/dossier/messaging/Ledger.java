package org.dossier.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.dossier.events.ArticleAnalyzed;
import org.dossier.events.DossierEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A miniature service for the tests: a change that publishes through the outbox, and a consumer of that event. */
@ApplicationScoped
public class Ledger {

    final EventHandlers handlers = EventHandlers.forConsumer("messaging-test")
            .on(DossierEvents.ARTICLE_ANALYZED, this::applyEffect);
    final EventHandlers batchHandlers = EventHandlers.forConsumer("messaging-test-batch")
            .on(DossierEvents.ARTICLE_ANALYZED, this::applyEffect);
    /** In two steps, as entity-service parses: the prepare step stands for the parse. */
    final EventHandlers twoStepHandlers = EventHandlers.forConsumer("messaging-test-two-steps")
            .on(DossierEvents.ARTICLE_ANALYZED, this::prepareEffect, this::storeEffect, null);

    /** What each step saw, by article, in the order the steps ran. */
    private final Map<UUID, List<String>> steps = new ConcurrentHashMap<>();
    /** Events that "another instance" stores while this one prepares them, by article. */
    private final Map<UUID, String> racedBy = new ConcurrentHashMap<>();

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final EventInbox inbox;

    Ledger(EntityManager entityManager, Outbox outbox, EventInbox inbox) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.inbox = inbox;
    }

    @Transactional
    public void record(UUID id, boolean thenFail) {
        LedgerEntry entry = new LedgerEntry();
        entry.id = id;
        entry.note = "entry " + id;
        entityManager.persist(entry);
        outbox.publish(DossierEvents.ARTICLE_ANALYZED, id.toString(), new ArticleAnalyzed(id, OffsetDateTime.now(), 1, 0));
        if (thenFail) {
            throw new IllegalStateException("the change fails after the event was recorded");
        }
    }

    /** Publishes an event only; its mention count carries the sequence number. */
    @Transactional
    public void count(UUID key, int sequence) {
        outbox.publish(DossierEvents.ARTICLE_ANALYZED, key.toString(), new ArticleAnalyzed(key, OffsetDateTime.now(), sequence, 0));
    }

    @Incoming("ledger-in")
    @Blocking
    public void consume(String message) {
        inbox.handle(handlers, message);
    }

    /** Through a method: the injected bean is a client proxy, whose own fields are empty. */
    public EventHandlers batchHandlers() {
        return batchHandlers;
    }

    /** The same consumer taking a poll's worth at once, on a topic of its own. */
    @Incoming("ledger-batch-in")
    @Blocking
    public CompletionStage<Void> consumeBatch(KafkaRecordBatch<String, String> batch) {
        return inbox.handleBatch(batchHandlers, batch);
    }

    public EventHandlers twoStepHandlers() {
        return twoStepHandlers;
    }

    public List<String> steps(UUID id) {
        return steps.getOrDefault(id, List.of());
    }

    /** While this article's event is prepared, another instance records it processed. */
    public void raceWith(UUID id, String eventId) {
        racedBy.put(id, eventId);
    }

    private String prepareEffect(ArticleAnalyzed analyzed) {
        steps.computeIfAbsent(analyzed.articleId(), id -> new CopyOnWriteArrayList<>())
                .add("prepare, transaction active: " + QuarkusTransaction.isActive());
        String raced = racedBy.get(analyzed.articleId());
        if (raced != null) {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "INSERT INTO processed_event (consumer, event_id) VALUES ('messaging-test-two-steps', :id)")
                    .setParameter("id", raced).executeUpdate());
        }
        return "prepared " + analyzed.articleId();
    }

    private void storeEffect(ArticleAnalyzed analyzed, String prepared) {
        steps.computeIfAbsent(analyzed.articleId(), id -> new CopyOnWriteArrayList<>())
                .add("store " + prepared + ", transaction active: " + QuarkusTransaction.isActive());
        applyEffect(analyzed);
    }

    /** Attempts at events that stand for an outage, by article. */
    private final Map<UUID, Integer> outageAttempts = new ConcurrentHashMap<>();

    /**
     * A mention count of -1 stands for an event that its handler can never apply. -2 for an outage of the database
     * during the first two attempts, -3 for one that never ends: the handler's own connection is terminated by the
     * real server, as a restart of PostgreSQL would (SQLState 57P01).
     */
    private void applyEffect(ArticleAnalyzed analyzed) {
        int attempt = outageAttempts.merge(analyzed.articleId(), 1, Integer::sum);
        if (analyzed.mentionCount() == -3 || analyzed.mentionCount() == -2 && attempt <= 2) {
            entityManager.createNativeQuery("SELECT pg_terminate_backend(pg_backend_pid())").getSingleResult();
        }
        if (analyzed.mentionCount() == -1) {
            throw new IllegalArgumentException("the ledger cannot apply a negative count");
        }
        entityManager.createNativeQuery("INSERT INTO ledger_effect (article_id) VALUES (:id)")
                .setParameter("id", analyzed.articleId()).executeUpdate();
    }

    @Transactional
    public long effects(UUID id) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM ledger_effect WHERE article_id = :id")
                .setParameter("id", id).getSingleResult()).longValue();
    }

    /** The transaction that wrote each effect of these articles (PostgreSQL's xmin), in no particular order. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> effectTransactions(Collection<UUID> ids) {
        return entityManager.createNativeQuery("SELECT CAST(xmin AS text) FROM ledger_effect WHERE article_id = ANY(CAST(:ids AS uuid[]))")
                .setParameter("ids", ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .getResultList();
    }

    @Transactional
    public long entries(UUID id) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM ledger_entry WHERE id = :id")
                .setParameter("id", id).getSingleResult()).longValue();
    }
}
