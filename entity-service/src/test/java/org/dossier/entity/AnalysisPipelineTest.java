package org.dossier.entity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dossier.entity.service.AnalysisService;
import org.dossier.events.ArticleStored;
import org.dossier.events.DossierEvents;
import org.dossier.events.EventCodec;
import org.dossier.events.Topics;
import org.dossier.testing.RealInfrastructure;
import org.dossier.testing.RealInfrastructureResource;
import org.dossier.testing.TopicReader;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
class AnalysisPipelineTest {

    private static final String ANALYZED = "\"dossier.article.analyzed.v1\"";

    @Inject
    EventCodec codec;
    @Inject
    AnalysisService analysis;
    @Inject
    EntityManager entityManager;

    @Test
    void aStoredArticleIsAnalysedAndAnnouncedOnceEvenWhenDeliveredTwice() throws Exception {
        UUID id = UUID.randomUUID();
        String stored = codec.write(codec.envelope(DossierEvents.ARTICLE_STORED, "/article-service", id.toString(),
                new ArticleStored(id, "He Lifeng met Scott Bessent in London.", "Talks", null, null,
                        OffsetDateTime.parse("2025-06-10T08:00:00Z"), "en", "b".repeat(64), null, null, null)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", RealInfrastructure.get().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLE_EVENTS, id.toString(), stored)).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(Topics.ARTICLE_EVENTS, id.toString(), stored)).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(Topics.ARTICLE_EVENTS, "junk", "not an event")).get(30, TimeUnit.SECONDS);
        }
        try (TopicReader analysis = new TopicReader(Topics.ANALYSIS_EVENTS)) {
            assertThat(analysis.await(r -> id.toString().equals(r.key()) && r.value().contains(ANALYZED), 1, Duration.ofSeconds(60))).hasSize(1);
            assertThat(analysis.settle(r -> id.toString().equals(r.key()) && r.value().contains(ANALYZED), Duration.ofSeconds(3))).hasSize(1);
        }
        try (TopicReader dlq = new TopicReader(Topics.deadLetter(Topics.ARTICLE_EVENTS))) {
            assertThat(dlq.await(r -> "junk".equals(r.key()), 1, Duration.ofSeconds(30))).hasSize(1);
        }
        given().contentType("application/json").body(List.of(id.toString())).post("/internal/analyses/lookup")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].articleId", equalTo(id.toString()));
        given().get("/q/health/ready").then().statusCode(200).body(containsString("Kafka connection health check"));
    }

    @Test
    void anArticleThatCannotBeAnalysedIsReportedFailedWithItsReasonAndDeadLettered() throws Exception {
        UUID id = UUID.randomUUID();
        // No text: the event parses, but the analysis cannot store the document.
        String stored = codec.write(codec.envelope(DossierEvents.ARTICLE_STORED, "/article-service", id.toString(),
                new ArticleStored(id, null, "Empty", null, null, null, "en", "c".repeat(64), null, null, null)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", RealInfrastructure.get().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLE_EVENTS, id.toString(), stored)).get(30, TimeUnit.SECONDS);
        }
        try (TopicReader analysis = new TopicReader(Topics.ANALYSIS_EVENTS)) {
            var failed = analysis.await(r -> id.toString().equals(r.key()), 1, Duration.ofSeconds(60));
            assertThat(failed).hasSize(1);
            var event = codec.read(failed.get(0).value());
            assertThat(event.type()).isEqualTo("dossier.article.processing-failed.v1");
            var failure = codec.payload(event, DossierEvents.ANALYSIS_FAILED);
            assertThat(failure.stage()).isEqualTo("analysis");
            assertThat(failure.reason()).contains("text");
        }
        try (TopicReader dlq = new TopicReader(Topics.deadLetter(Topics.ARTICLE_EVENTS))) {
            assertThat(dlq.await(r -> id.toString().equals(r.key()), 1, Duration.ofSeconds(30))).hasSize(1);
        }
    }

    @Test
    void theParseRefusesToRunInATransaction() {
        ArticleStored article = stored(UUID.randomUUID(), "Scott Bessent met He Lifeng in Geneva.");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> analysis.parse(article)))
                .isInstanceOf(TransactionalException.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void reanalysisStoresItsDocumentsInBatchesOfOneTransactionEach() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            ArticleStored article = stored(id, "Scott Bessent met He Lifeng in Geneva, talk " + i + ".");
            AnalysisService.Parsed parsed = analysis.parse(article);
            QuarkusTransaction.requiringNew().run(() -> analysis.store(article, parsed));
            ids.add(id);
        }
        given().contentType("application/json").body(Map.of("articleIds", ids)).post("/internal/analysis/reanalyze")
                .then().statusCode(200).body("reanalyzed", equalTo(5));
        // The transaction that last wrote each document (PostgreSQL's xmin): %test.dossier.entity.reanalysis-batch-size=2.
        List<String> writers = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT CAST(xmin AS text) FROM document WHERE article_id = ANY(CAST(:ids AS uuid[])) ORDER BY article_id")
                .setParameter("ids", ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .getResultList());
        assertThat(writers).hasSize(5);
        assertThat(writers.stream().collect(Collectors.groupingBy(w -> w, Collectors.counting())).values())
                .containsExactlyInAnyOrder(2L, 2L, 1L);
        given().contentType("application/json").body(ids).post("/internal/analyses/lookup")
                .then().statusCode(200).body("size()", equalTo(5)).body("mentionCount", everyItem(greaterThan(0)));
    }

    private static ArticleStored stored(UUID id, String text) {
        return new ArticleStored(id, text, "Talks", null, null, OffsetDateTime.parse("2025-06-10T08:00:00Z"), "en",
                "d".repeat(64), null, null, null);
    }

    @Test
    void statementPagesCarryOnlyTheFieldsAskedForAndAnUnknownFieldIsNamedInA400() {
        UUID speaker = UUID.randomUUID();
        given().contentType("application/json")
                .body(Map.of("speakerIds", List.of(speaker), "fields", List.of("id", "speech", "cue")))
                .post("/internal/statements/by-speaker")
                .then().statusCode(400).body(containsString("[speech]"));
        given().contentType("application/json")
                .body(Map.of("controlIds", List.of(speaker), "fields", List.of("id", "cue"), "cursors", false))
                .post("/internal/statements/by-control")
                .then().statusCode(200)
                .body("'" + speaker + "'.totalCount", equalTo(0))
                .body("'" + speaker + "'.keySet()", org.hamcrest.Matchers.containsInAnyOrder(
                        "items", "totalCount", "endCursor", "hasNextPage"));
        given().contentType("application/json").body(Map.of("first", 1)).post("/internal/statements/by-speaker")
                .then().statusCode(400).body(containsString("speakerIds: required"));
        given().queryParam("speaker", speaker.toString()).queryParam("fields", "id", "cue").queryParam("cursors", false)
                .get("/internal/statements")
                .then().statusCode(200)
                .body("keySet()", org.hamcrest.Matchers.containsInAnyOrder("items", "totalCount", "endCursor", "hasNextPage"));
        given().queryParam("fields", "id", "nope").get("/internal/statements")
                .then().statusCode(400).body(containsString("[nope]"));
    }
}
