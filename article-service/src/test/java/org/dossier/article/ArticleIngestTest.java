package org.dossier.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dossier.article.service.ArticleService;
import org.dossier.events.ArticleAnalyzed;
import org.dossier.events.ArticleProcessingFailed;
import org.dossier.events.ArticleStored;
import org.dossier.events.ArticleTimelined;
import org.dossier.events.DossierEvents;
import org.dossier.events.EventCodec;
import org.dossier.events.Topics;
import org.dossier.testing.RealInfrastructure;
import org.dossier.testing.RealInfrastructureResource;
import org.dossier.testing.TopicReader;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
class ArticleIngestTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EventCodec codec;

    @Inject
    ArticleService service;

    @Test
    void aNewArticleIsStoredAnnouncedOnceAndItsDuplicateAnswers200WithTheSameId() {
        String text = "Negotiators met in London on June 9, 2025. " + UUID.randomUUID();
        String body = """
                {"text": %s, "title": "London talks", "url": "https://news.example.org/%s", "source": "Example Wire",
                 "publishedAt": "2025-06-10T09:00:00+01:00", "language": "en"}""".formatted(quote(text), UUID.randomUUID());
        String id = given().contentType("application/json").body(body).post("/api/articles")
                .then().statusCode(201).header("Location", containsString("/api/articles/")).body("duplicateOf", nullValue())
                .extract().path("id");
        given().get("/api/articles/" + id).then().statusCode(200)
                .body("title", equalTo("London talks"))
                .body("publishedAt", equalTo("2025-06-10T08:00:00Z"))
                .body("processing.stored", equalTo(true))
                .body("processing.analyzed", equalTo(false));
        // Same text with other spacing and case: an exact duplicate.
        given().contentType("application/json").body("{\"text\": " + quote("  " + text.toUpperCase() + "\n") + "}")
                .post("/api/articles").then().statusCode(200).body("id", equalTo(id)).header("Location", endsWith(id));

        try (TopicReader events = new TopicReader(Topics.ARTICLE_EVENTS)) {
            List<ConsumerRecord<String, String>> stored = events.settle(r -> id.equals(r.key()), Duration.ofSeconds(4));
            assertThat(stored).hasSize(1);
            ArticleStored payload = codec.payload(codec.read(stored.get(0).value()), DossierEvents.ARTICLE_STORED);
            assertThat(payload.text()).isEqualTo(text);
            assertThat(payload.publishedAt()).isEqualTo(OffsetDateTime.parse("2025-06-10T09:00:00+01:00"));
        }
    }

    @Test
    void readsLeaveTheTextsInTheDatabase() {
        String id = given().contentType("text/plain; charset=utf-8").body("Seoul reviewed licences. " + UUID.randomUUID())
                .post("/api/articles").then().statusCode(201).extract().path("id");
        // The gateway's batch lookup reads 1,000 articles a query; none of its answers carries a text.
        List<Article> found = service.find(List.of(UUID.fromString(id)));
        assertThat(found).singleElement().satisfies(article -> {
            assertThat(Hibernate.isPropertyInitialized(article, "text")).as("text loaded").isFalse();
            assertThat(Hibernate.isPropertyInitialized(article, "minhash")).as("signature loaded").isFalse();
            assertThat(Hibernate.isPropertyInitialized(article, "title")).isTrue();
        });
    }

    @Test
    void plainTextTakesMetadataFromQueryParameters() {
        String id = given().contentType("text/plain; charset=utf-8").body("Beijing tightened controls. " + UUID.randomUUID())
                .queryParam("title", "Controls").queryParam("publishedAt", "2025-04-04")
                .post("/api/articles").then().statusCode(201).extract().path("id");
        given().get("/api/articles/" + id).then().body("title", equalTo("Controls")).body("publishedAt", equalTo("2025-04-04T00:00:00Z"));
    }

    @Test
    void badInputIsAProblemThatNamesTheField() {
        problem("application/json", "{\"text\": \"   \"}", 400, "text");
        problem("application/json", "{\"title\": \"no text\"}", 400, "text");
        problem("application/json", "{\"text\": \"x\", \"publishedAt\": \"June 9\"}", 400, "publishedAt");
        problem("application/json", "{\"text\": \"x\", \"url\": \"ftp://example.org/a\"}", 400, "url");
        problem("application/json", "{\"text\": \"x\", \"author\": \"someone\"}", 400, "author");
        problem("application/json", "{\"text\": \"x\", \"language\": \"english!\"}", 400, "language");
        problem("application/json", "{\"text\": \"x\", \"title\": [1]}", 400, "title");
        problem("application/json", "x".repeat(5000).transform(t -> "{\"text\": \"" + t + "\"}"), 413, "text");
        given().contentType("application/json").body("{\"text\": ").post("/api/articles").then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Malformed JSON"));
        given().contentType("application/xml").body("<a/>").post("/api/articles").then().statusCode(415)
                .contentType("application/problem+json").body("detail", containsString("application/xml"));
        given().contentType("text/plain").body(new byte[] {'o', 'k', (byte) 0xC3, (byte) 0x28}).post("/api/articles")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("text"))
                .body("detail", containsString("UTF-8"));
        given().get("/api/articles/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aFieldThatIsNotTextIsRefusedNamingItNeverStoredAsItsDigits() {
        for (String field : List.of("text", "title", "url", "source", "publishedAt", "language")) {
            for (String value : List.of("12345", "1.5", "true", "{\"a\": \"b\"}", "[\"x\"]")) {
                String body = field.equals("text") ? "{\"text\": " + value + "}" : "{\"text\": \"x\", \"" + field + "\": " + value + "}";
                given().contentType("application/json").body(body).post("/api/articles").then().statusCode(400)
                        .contentType("application/problem+json").body("field", equalTo(field))
                        .body("detail", containsString("must be a string"));
            }
        }
        // the same in a batch line (and on articles.inbound: one ObjectMapper reads all three)
        given().contentType("application/x-ndjson").body("{\"text\": 12345}\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/articles/batch").then().statusCode(200)
                .body(containsString("\"status\":400")).body(containsString("\"field\":\"text\""));
        // null is still "not given" for the optional fields
        given().contentType("application/json").body("{\"text\": \"Null title. " + UUID.randomUUID() + "\", \"title\": null}")
                .post("/api/articles").then().statusCode(201);
    }

    @Test
    void kafkaSubmissionsAreStoredAndUnreadableOnesDeadLettered() throws Exception {
        String url = "https://wire.example.org/" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_INBOUND, "bad-1", "{\"text\": ")).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(Topics.ARTICLES_INBOUND, "bad-2", "{\"text\": \"x\", \"publishedAt\": \"soon\"}"))
                    .get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(Topics.ARTICLES_INBOUND, "good",
                    "{\"text\": \"Stockholm talks ended. " + UUID.randomUUID() + "\", \"url\": \"" + url + "\"}")).get(30, TimeUnit.SECONDS);
        }
        try (TopicReader dlq = new TopicReader(Topics.deadLetter(Topics.ARTICLES_INBOUND))) {
            var dead = dlq.await(r -> r.key() != null && r.key().startsWith("bad-"), 2, WAIT);
            assertThat(dead).extracting(r -> new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .anySatisfy(reason -> assertThat(reason).contains("malformed article JSON"))
                    .anySatisfy(reason -> assertThat(reason).contains("publishedAt"));
        }
        // The good message after the bad ones went through: the same URL is now a duplicate.
        awaitStatus(() -> given().contentType("application/json").body("{\"text\": \"other words\", \"url\": \"" + url + "\"}")
                .post("/api/articles").statusCode(), 200);
    }

    @Test
    void anInboundMessageTooLargeToCopyIsDeadLetteredAsAReferenceAndConsumptionGoesOn() throws Exception {
        String key = "huge-" + UUID.randomUUID();
        String url = "https://wire.example.org/" + UUID.randomUUID();
        String huge = "{\"text\": \"" + "Stockholm talks went on. ".repeat(2 * 1024 * 1024 / 25) + "\"}";
        long offset;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                RealInfrastructure.get().bootstrapServers(), "max.request.size", 4 * 1024 * 1024), new StringSerializer(),
                new StringSerializer())) {
            offset = producer.send(new ProducerRecord<>(Topics.ARTICLES_INBOUND, key, huge)).get(30, TimeUnit.SECONDS).offset();
            producer.send(new ProducerRecord<>(Topics.ARTICLES_INBOUND, "after-huge",
                    "{\"text\": \"Oslo talks began. " + UUID.randomUUID() + "\", \"url\": \"" + url + "\"}")).get(30, TimeUnit.SECONDS);
        }
        try (TopicReader dlq = new TopicReader(Topics.deadLetter(Topics.ARTICLES_INBOUND))) {
            var dead = dlq.await(r -> key.equals(r.key()), 1, WAIT);
            assertThat(dead).hasSize(1);
            var letter = dead.get(0);
            assertThat(header(letter, "dead-letter-reason")).contains("text");
            assertThat(header(letter, "dead-letter-reference")).isEqualTo("true");
            assertThat(header(letter, "dead-letter-topic")).isEqualTo(Topics.ARTICLES_INBOUND);
            assertThat(Long.parseLong(header(letter, "dead-letter-offset"))).isEqualTo(offset);
            assertThat(Long.parseLong(header(letter, "dead-letter-size"))).isGreaterThan(2_000_000);
            assertThat(letter.value()).hasSizeLessThan(1024).contains("\"offset\":" + offset).contains(key);
        }
        // The consumer got past it: the next message was stored, so its URL is a duplicate now.
        awaitStatus(() -> given().contentType("application/json").body("{\"text\": \"other words\", \"url\": \"" + url + "\"}")
                .post("/api/articles").statusCode(), 200);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void processingStatusFollowsWhatTheDownstreamStagesReport() throws Exception {
        String id = given().contentType("application/json").body("{\"text\": \"Geneva. " + UUID.randomUUID() + "\"}")
                .post("/api/articles").then().statusCode(201).extract().path("id");
        UUID articleId = UUID.fromString(id);
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.ANALYSIS_EVENTS, id, codec.write(codec.envelope(DossierEvents.ARTICLE_ANALYZED,
                    "/entity-service", id, new ArticleAnalyzed(articleId, OffsetDateTime.now(), 0, 0))))).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(Topics.TIMELINE_EVENTS, id, codec.write(codec.envelope(DossierEvents.ARTICLE_TIMELINED,
                    "/timeline-service", id, new ArticleTimelined(articleId, OffsetDateTime.now(), 0))))).get(30, TimeUnit.SECONDS);
        }
        awaitStatus(() -> {
            var processing = given().get("/api/articles/" + id).then().extract().jsonPath();
            return (processing.getBoolean("processing.analyzed") ? 1 : 0) + (processing.getBoolean("processing.timelined") ? 1 : 0);
        }, 2);
        given().get("/api/articles/" + id).then().body("processing.failed", equalTo(false));
        given().contentType("application/json").body(List.of(id, UUID.randomUUID().toString())).post("/internal/articles/lookup")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].processing.timelined", equalTo(true));
    }

    @Test
    void aStageThatGaveUpIsShownWithItsReasonUntilTheStageSucceeds() throws Exception {
        String id = given().contentType("application/json").body("{\"text\": \"Busan. " + UUID.randomUUID() + "\"}")
                .post("/api/articles").then().statusCode(201).extract().path("id");
        UUID articleId = UUID.fromString(id);
        OffsetDateTime failedAt = OffsetDateTime.now();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.ANALYSIS_EVENTS, id, codec.write(codec.envelope(DossierEvents.ANALYSIS_FAILED,
                    "/entity-service", id, new ArticleProcessingFailed(articleId, "analysis", "parser ran out of memory", failedAt)))))
                    .get(30, TimeUnit.SECONDS);
        }
        awaitStatus(() -> given().get("/api/articles/" + id).then().extract().<Boolean>path("processing.failed") ? 1 : 0, 1);
        given().get("/api/articles/" + id).then().body("processing.failure.stage", equalTo("analysis"))
                .body("processing.failure.reason", equalTo("parser ran out of memory"));
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.ANALYSIS_EVENTS, id, codec.write(codec.envelope(DossierEvents.ARTICLE_ANALYZED,
                    "/entity-service", id, new ArticleAnalyzed(articleId, failedAt.plusMinutes(5), 0, 0))))).get(30, TimeUnit.SECONDS);
        }
        awaitStatus(() -> given().get("/api/articles/" + id).then().extract().<Boolean>path("processing.failed") ? 1 : 0, 0);
        given().get("/api/articles/" + id).then().body("processing.analyzed", equalTo(true));
    }

    @Test
    void healthIncludesDatabaseAndKafkaAndMetricsArePublished() {
        given().get("/q/health/ready").then().statusCode(200)
                .body(containsString("Database connections health check"))
                .body(containsString("Kafka connection health check"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("dossier_outbox_published")).body(containsString("dossier_outbox_pending"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/articles"));
    }

    private static void problem(String contentType, String body, int status, String field) {
        given().contentType(contentType).body(body).post("/api/articles").then().statusCode(status)
                .contentType("application/problem+json").body("status", equalTo(status)).body("field", equalTo(field));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", RealInfrastructure.get().bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    private static void awaitStatus(java.util.function.IntSupplier probe, int expected) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int last = probe.getAsInt();
        while (last != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            last = probe.getAsInt();
        }
        assertThat(last).isEqualTo(expected);
    }
}
