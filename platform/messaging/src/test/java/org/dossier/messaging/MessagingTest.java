package org.dossier.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dossier.events.ArticleAnalyzed;
import org.dossier.events.DossierEvents;
import org.dossier.events.EventCodec;
import org.dossier.events.Topics;
import org.dossier.testing.RealInfrastructure;
import org.dossier.testing.RealInfrastructureResource;
import org.dossier.testing.TopicReader;
import org.junit.jupiter.api.Test;

/** Outbox, relay, idempotent inbox and dead letters, on a real Kafka broker and a real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
class MessagingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BATCH_TOPIC = "messaging-test.batch";

    @Inject
    Ledger ledger;
    @Inject
    OutboxRelay relay;
    @Inject
    EventCodec codec;
    @Inject
    EntityManager entityManager;
    @Inject
    EventInbox inbox;

    @Test
    void relayDyingAfterSendButBeforeDeletingTheRowsStillDeliversTheEffectExactlyOnce() {
        UUID id = UUID.randomUUID();
        ledger.record(id, false);
        try (TopicReader topic = new TopicReader(Topics.ANALYSIS_EVENTS)) {
            assertThatThrownBy(() -> relay.relayOnce(() -> {
                throw new IllegalStateException("relay killed between publish and delete");
            })).hasMessageContaining("relay killed");
            assertThat(topic.await(key(id), 1, WAIT)).hasSize(1);
            assertThat(relay.pending()).as("the crashed batch is still unpublished").isGreaterThanOrEqualTo(1);

            // The relay comes back and publishes the batch again: Kafka now holds the event twice.
            drainOutbox();
            List<ConsumerRecord<String, String>> copies = topic.await(key(id), 2, WAIT);
            assertThat(copies).hasSize(2);
            assertThat(copies).extracting(r -> header(r, "ce_id")).as("same CloudEvents id on both copies").containsOnly(
                    codec.read(copies.get(0).value()).id());
        }
        awaitEquals(() -> ledger.effects(id), 1L);
        assertThat(relay.pending()).isZero();
        // Both copies have been consumed by now or soon; the effect stays at one.
        assertStays(() -> ledger.effects(id), 1L, Duration.ofSeconds(3));
    }

    @Test
    void eventRecordedWhileTheRelayIsDownGoesOutWhenItComesBack() {
        UUID id = UUID.randomUUID();
        ledger.record(id, false); // committed; the relay has not run
        assertThat(relay.pending()).isGreaterThanOrEqualTo(1);
        drainOutbox();
        try (TopicReader topic = new TopicReader(Topics.ANALYSIS_EVENTS)) {
            List<ConsumerRecord<String, String>> records = topic.await(key(id), 1, WAIT);
            assertThat(records).hasSize(1);
            assertThat(header(records.get(0), "ce_type")).isEqualTo(DossierEvents.ARTICLE_ANALYZED.name());
            assertThat(header(records.get(0), "content-type")).isEqualTo("application/cloudevents+json");
        }
        awaitEquals(() -> ledger.effects(id), 1L);
        // A published event is not kept: its row held the whole event.
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE message_key = :key").setParameter("key", id.toString())
                .getSingleResult()).longValue())).isZero();
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> ledger.record(id, true)).isInstanceOf(IllegalStateException.class);
        assertThat(ledger.entries(id)).isZero();
        drainOutbox();
        try (TopicReader topic = new TopicReader(Topics.ANALYSIS_EVENTS)) {
            assertThat(topic.settle(key(id), Duration.ofSeconds(3))).isEmpty();
        }
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        UUID id = UUID.randomUUID();
        String message = codec.write(codec.envelope(DossierEvents.ARTICLE_ANALYZED, "/test", id.toString(),
                new ArticleAnalyzed(id, OffsetDateTime.now(), 3, 1)));
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.ANALYSIS_EVENTS, id.toString(), message)).get(30, TimeUnit.SECONDS);
            awaitEquals(() -> ledger.effects(id), 1L);
            producer.send(new ProducerRecord<>(Topics.ANALYSIS_EVENTS, id.toString(), message)).get(30, TimeUnit.SECONDS);
        }
        assertStays(() -> ledger.effects(id), 1L, Duration.ofSeconds(3));
    }

    @Test
    void anUnreadableMessageIsDeadLetteredWithItsReasonAndConsumptionContinues() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        UUID after = UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.ANALYSIS_EVENTS, poisonKey, "{this is not json")).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(Topics.ANALYSIS_EVENTS, after.toString(), codec.write(codec.envelope(
                    DossierEvents.ARTICLE_ANALYZED, "/test", after.toString(), new ArticleAnalyzed(after, OffsetDateTime.now(), 0, 0)))))
                    .get(30, TimeUnit.SECONDS);
        }
        try (TopicReader dlq = new TopicReader(Topics.deadLetter(Topics.ANALYSIS_EVENTS))) {
            List<ConsumerRecord<String, String>> dead = dlq.await(r -> poisonKey.equals(r.key()), 1, WAIT);
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).value()).isEqualTo("{this is not json");
            assertThat(header(dead.get(0), "dead-letter-reason")).contains("not a CloudEvents JSON envelope");
        }
        awaitEquals(() -> ledger.effects(after), 1L);
    }

    @Test
    void eventsOfOneKeyArriveInTheOrderTheyWereRecorded() {
        UUID id = UUID.randomUUID();
        for (int sequence = 0; sequence < 20; sequence++) {
            ledger.count(id, sequence); // twenty transactions, twenty events for one key
        }
        drainOutbox();
        try (TopicReader topic = new TopicReader(Topics.ANALYSIS_EVENTS)) {
            List<ConsumerRecord<String, String>> records = topic.await(key(id), 20, WAIT);
            assertThat(records).extracting(r -> codec.payload(codec.read(r.value()), DossierEvents.ARTICLE_ANALYZED).mentionCount())
                    .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void processedEventsAreForgottenOnlyAfterTheInboxRetention() {
        String old = "retention-old-" + UUID.randomUUID();
        String recent = "retention-recent-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("INSERT INTO processed_event (consumer, event_id, processed_at) "
                    + "VALUES ('retention-test', :old, now() - interval '15 days'), ('retention-test', :recent, now() - interval '13 days')")
                    .setParameter("old", old).setParameter("recent", recent).executeUpdate();
        });
        relay.cleanup();
        List<Object> left = QuarkusTransaction.requiringNew().call(() -> (List<Object>) entityManager.createNativeQuery(
                "SELECT event_id FROM processed_event WHERE consumer = 'retention-test'").getResultList());
        assertThat(left).containsExactly((Object) recent);
    }

    @Test
    void aBatchOfGoodEventsCommitsInOneTransaction() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        RuntimeException[] failures = inbox.handleAll(ledger.batchHandlers(), List.of(analyzed(first, 1), analyzed(second, 2)));
        assertThat(failures).containsOnlyNulls();
        assertThat(ledger.effects(first)).isEqualTo(1);
        assertThat(ledger.effects(second)).isEqualTo(1);
        assertThat(ledger.effectTransactions(List.of(first, second))).hasSize(2).containsOnly(
                ledger.effectTransactions(List.of(first)).get(0));
    }

    @Test
    void aBadEventInABatchFailsAloneAndItsNeighboursAreAppliedOnce() {
        UUID before = UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        String beforeEvent = analyzed(before, 1);
        RuntimeException[] failures = inbox.handleAll(ledger.batchHandlers(),
                List.of(beforeEvent, "{this is not json", analyzed(failing, -1), analyzed(after, 2), beforeEvent));
        assertThat(failures[0]).isNull();
        assertThat(failures[1]).isInstanceOf(org.dossier.events.MalformedEventException.class);
        assertThat(failures[2]).isInstanceOf(EventProcessingException.class).hasMessageContaining("negative count");
        assertThat(failures[3]).isNull();
        assertThat(failures[4]).as("the repeated event is a duplicate, not a failure").isNull();
        assertThat(ledger.effects(before)).isEqualTo(1);
        assertThat(ledger.effects(failing)).isZero();
        assertThat(ledger.effects(after)).isEqualTo(1);
        assertThat(ledger.effectTransactions(List.of(before, after))).as("taken one by one after the batch failed")
                .doesNotHaveDuplicates();
    }

    @Test
    void deadLettersAreReplayedToTheirTopicOnceAndAReferenceByTheRecordItNames() throws Exception {
        UUID copied = UUID.randomUUID();
        UUID referenced = UUID.randomUUID();
        String archive = "messaging-test.archive"; // nobody consumes it: the original of a reference stays where it is
        try (KafkaProducer<String, String> producer = producer()) {
            // As dead-lettered during an outage, before the outage was waited out: a copy of the message.
            ProducerRecord<String, String> copy = new ProducerRecord<>(Topics.deadLetter(Topics.ANALYSIS_EVENTS),
                    copied.toString(), analyzed(copied, 1));
            copy.headers().add(DeadLetterStrategy.REASON, "EntityManagerFactory is closed".getBytes(StandardCharsets.UTF_8));
            producer.send(copy).get(30, TimeUnit.SECONDS);
            var original = producer.send(new ProducerRecord<>(archive, referenced.toString(), analyzed(referenced, 1)))
                    .get(30, TimeUnit.SECONDS);
            ProducerRecord<String, String> reference = new ProducerRecord<>(Topics.deadLetter(archive), referenced.toString(),
                    "{\"topic\":\"" + archive + "\",\"partition\":" + original.partition() + ",\"offset\":" + original.offset() + "}");
            reference.headers().add(DeadLetterStrategy.REFERENCE, "true".getBytes(StandardCharsets.UTF_8));
            producer.send(reference).get(30, TimeUnit.SECONDS);
        }
        int replayed = given().post("/internal/dead-letters/" + Topics.ANALYSIS_EVENTS + "/replay").then().statusCode(200)
                .extract().path("replayed");
        assertThat(replayed).as("the other tests' dead letters go back too").isPositive();
        awaitEquals(() -> ledger.effects(copied), 1L);
        assertThat(given().post("/internal/dead-letters/" + archive + "/replay").then().statusCode(200)
                .extract().<Integer>path("replayed")).isEqualTo(1);
        try (TopicReader topic = new TopicReader(archive)) {
            List<ConsumerRecord<String, String>> copies = topic.await(key(referenced), 2, WAIT);
            assertThat(copies).hasSize(2).extracting(ConsumerRecord::value).containsOnly(copies.get(0).value());
        }
        assertThat(given().post("/internal/dead-letters/" + archive + "/replay").then().statusCode(200)
                .extract().<Integer>path("replayed")).as("each dead letter is replayed once").isZero();
    }

    @Test
    void aDatabaseOutageIsWaitedOutAndTheEventAppliedOnceWithoutADeadLetter() throws Exception {
        UUID id = UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.ANALYSIS_EVENTS, id.toString(), analyzed(id, -2))).get(30, TimeUnit.SECONDS);
        }
        awaitEquals(() -> ledger.effects(id), 1L);
        try (TopicReader dlq = new TopicReader(Topics.deadLetter(Topics.ANALYSIS_EVENTS))) {
            assertThat(dlq.settle(key(id), Duration.ofSeconds(3))).isEmpty();
        }
    }

    @Test
    void anOutageLongerThanTheHorizonIsGivenUpWithItsReason() {
        UUID id = UUID.randomUUID();
        RuntimeException[] failures = inbox.handleAll(ledger.batchHandlers(), List.of(analyzed(id, -3)));
        assertThat(failures[0]).isInstanceOf(EventProcessingException.class).hasMessageContaining("still failing after PT3S");
        assertThat(FailureClassifier.isTransient(failures[0])).as("dead-lettered, not left for a restart").isFalse();
        assertThat(ledger.effects(id)).isZero();
    }

    @Test
    void aBatchConsumerDeadLettersOnlyTheBadRecordsAndCarriesOn() throws Exception {
        UUID before = UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        String poisonKey = "poison-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(BATCH_TOPIC, before.toString(), analyzed(before, 1)));
            producer.send(new ProducerRecord<>(BATCH_TOPIC, poisonKey, "{this is not json"));
            producer.send(new ProducerRecord<>(BATCH_TOPIC, failing.toString(), analyzed(failing, -1)));
            producer.send(new ProducerRecord<>(BATCH_TOPIC, after.toString(), analyzed(after, 2))).get(30, TimeUnit.SECONDS);
        }
        try (TopicReader dlq = new TopicReader(Topics.deadLetter(BATCH_TOPIC))) {
            List<ConsumerRecord<String, String>> dead = dlq.await(
                    r -> poisonKey.equals(r.key()) || failing.toString().equals(r.key()), 2, WAIT);
            assertThat(dead).extracting(r -> header(r, "dead-letter-reason")).anySatisfy(
                    reason -> assertThat(reason).contains("not a CloudEvents JSON envelope")).anySatisfy(
                    reason -> assertThat(reason).contains("negative count"));
        }
        awaitEquals(() -> ledger.effects(before), 1L);
        awaitEquals(() -> ledger.effects(after), 1L);
        assertThat(ledger.effects(failing)).isZero();
        UUID later = UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(BATCH_TOPIC, later.toString(), analyzed(later, 3))).get(30, TimeUnit.SECONDS);
        }
        awaitEquals(() -> ledger.effects(later), 1L);
        assertStays(() -> ledger.effects(before) + ledger.effects(after), 2L, Duration.ofSeconds(2));
    }

    @Test
    void aTwoStepHandlerPreparesOutsideAnyTransactionAndAFailedStoreIsRetriedWithoutPreparingAgain() {
        UUID id = UUID.randomUUID();
        String message = analyzed(id, -2); // the store's connection is terminated twice, as by a database restart
        assertThat(inbox.handle(ledger.twoStepHandlers(), message)).isTrue();
        assertThat(ledger.steps(id)).containsExactly(
                "prepare, transaction active: false",
                "store prepared " + id + ", transaction active: true",
                "store prepared " + id + ", transaction active: true",
                "store prepared " + id + ", transaction active: true");
        assertThat(ledger.effects(id)).isEqualTo(1);

        assertThat(inbox.handle(ledger.twoStepHandlers(), message)).as("redelivered").isFalse();
        assertThat(ledger.steps(id)).as("a processed event is not prepared again").hasSize(4);
        assertThat(ledger.effects(id)).isEqualTo(1);
    }

    @Test
    void aBatchOfTwoStepEventsIsPreparedFirstThenStoredInOneTransaction() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String firstEvent = analyzed(first, 1);
        RuntimeException[] failures = inbox.handleAll(ledger.twoStepHandlers(),
                List.of(firstEvent, analyzed(second, 2), firstEvent));
        assertThat(failures).containsOnlyNulls();
        assertThat(ledger.steps(first)).as("the repeated event is prepared once").containsExactly(
                "prepare, transaction active: false", "store prepared " + first + ", transaction active: true");
        assertThat(ledger.steps(second)).containsExactly(
                "prepare, transaction active: false", "store prepared " + second + ", transaction active: true");
        assertThat(ledger.effectTransactions(List.of(first, second))).hasSize(2).doesNotContainNull()
                .containsOnly(ledger.effectTransactions(List.of(first)).get(0));
    }

    @Test
    void anEventStoredElsewhereWhileItWasPreparedIsNotStoredAgain() {
        UUID id = UUID.randomUUID();
        String message = analyzed(id, 1);
        ledger.raceWith(id, codec.read(message).id()); // another instance of the consumer finishes it meanwhile
        assertThat(inbox.handle(ledger.twoStepHandlers(), message)).isFalse();
        assertThat(ledger.steps(id)).containsExactly("prepare, transaction active: false");
        assertThat(ledger.effects(id)).isZero();
    }

    private String analyzed(UUID id, int mentions) {
        return codec.write(codec.envelope(DossierEvents.ARTICLE_ANALYZED, "/test", id.toString(),
                new ArticleAnalyzed(id, OffsetDateTime.now(), mentions, 0)));
    }

    private void drainOutbox() {
        while (relay.relayOnce() > 0) {
            // keep going until the outbox is empty
        }
    }

    private static java.util.function.Predicate<ConsumerRecord<String, String>> key(UUID id) {
        return r -> id.toString().equals(r.key());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", RealInfrastructure.get().bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    private static <T> void awaitEquals(Supplier<T> actual, T expected) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T last = actual.get();
        while (!expected.equals(last) && System.nanoTime() < deadline) {
            sleep(100);
            last = actual.get();
        }
        assertThat(last).isEqualTo(expected);
    }

    private static <T> void assertStays(Supplier<T> actual, T expected, Duration during) {
        long deadline = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(actual.get()).isEqualTo(expected);
            sleep(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
