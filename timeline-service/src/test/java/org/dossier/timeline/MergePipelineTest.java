package org.dossier.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dossier.events.AnalysisResults;
import org.dossier.events.AnalysisResults.ExtractedEventMention;
import org.dossier.events.ArticleAnalyzed;
import org.dossier.events.DossierEvents;
import org.dossier.events.EventCodec;
import org.dossier.events.TextRange;
import org.dossier.events.Topics;
import org.dossier.testing.RealInfrastructure;
import org.dossier.testing.RealInfrastructureResource;
import org.dossier.testing.TopicReader;
import org.junit.jupiter.api.Test;

/** Event mentions of several articles, through Kafka, become one event with every source; re-analysis replaces. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
class MergePipelineTest {

    // Entities of this test only, so that other tests' events never match.
    private static final UUID PLACE = UUID.randomUUID();
    private static final UUID US = UUID.randomUUID();
    private static final UUID CN = UUID.randomUUID();

    @Inject
    EventCodec codec;

    private static ExtractedEventMention talks(String quote, LocalDate start, LocalDate end, String granularity, boolean inferred) {
        return new ExtractedEventMention(UUID.randomUUID(), "TALKS", "talks", "Talks in Testford", start, end, granularity,
                inferred, List.of(US, CN), List.of(PLACE), List.of(), quote, new TextRange(0, quote.length()));
    }

    private void analysed(UUID article, List<ExtractedEventMention> mentions) throws Exception {
        analysed(article, List.of(), mentions);
    }

    private void analysed(UUID article, List<AnalysisResults.ExtractedStatement> statements, List<ExtractedEventMention> mentions)
            throws Exception {
        OffsetDateTime now = OffsetDateTime.parse("2025-06-16T08:00:00Z");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", RealInfrastructure.get().bootstrapServers()), new StringSerializer(), new StringSerializer());
             TopicReader placed = new TopicReader(Topics.TIMELINE_EVENTS)) {
            producer.send(new ProducerRecord<>(Topics.ANALYSIS_EVENTS, article.toString(), codec.write(codec.envelope(
                    DossierEvents.ANALYSIS_RESULTS, "/entity-service", article.toString(),
                    new AnalysisResults(article, now, statements, mentions))))).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(Topics.ANALYSIS_EVENTS, article.toString(), codec.write(codec.envelope(
                    DossierEvents.ARTICLE_ANALYZED, "/entity-service", article.toString(),
                    new ArticleAnalyzed(article, now, 0, 0))))).get(30, TimeUnit.SECONDS);
            placed.await(r -> article.toString().equals(r.key()), 1, Duration.ofSeconds(30));
        }
    }

    private static JsonPath timelineOf(UUID entity) {
        return given().queryParam("entity", entity).queryParam("first", 50).get("/internal/timeline")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void reportsOfOneHappeningBecomeOneEventWithEverySourceAndTheMostPreciseDates() throws Exception {
        UUID weekly = UUID.randomUUID();
        UUID daily = UUID.randomUUID();
        UUID monday = UUID.randomUUID();
        UUID undated = UUID.randomUUID();
        analysed(weekly, List.of(talks("last week's negotiations in Testford", LocalDate.of(2025, 6, 9), LocalDate.of(2025, 6, 15), "WEEK", false)));
        analysed(daily, List.of(talks("continued in Testford on June 10", LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 10), "DAY", false)));
        analysed(monday, List.of(talks("talks in Testford next Monday", LocalDate.of(2025, 6, 9), LocalDate.of(2025, 6, 9), "DAY", false)));
        analysed(undated, List.of(talks("the Testford talks", LocalDate.of(2025, 6, 15), LocalDate.of(2025, 6, 16), "DAY", true)));

        JsonPath timeline = timelineOf(PLACE);
        assertThat(timeline.getInt("totalCount")).isEqualTo(1);
        assertThat(timeline.getString("items[0].start")).isEqualTo("2025-06-09");
        assertThat(timeline.getString("items[0].end")).isEqualTo("2025-06-10");
        assertThat(timeline.getString("items[0].granularity")).isEqualTo("DAY");
        assertThat(timeline.getList("items[0].sources.articleId", String.class))
                .containsExactlyInAnyOrder(weekly.toString(), daily.toString(), monday.toString(), undated.toString());
        // Each source keeps its own dates and why it was merged.
        assertThat(timeline.getList("items[0].sources.mergeReason", String.class)).anyMatch(r -> r.contains("same place"));
        assertThat(timeline.getList("items[0].sources.granularity", String.class)).contains("WEEK", "DAY");

        // Re-analysis replaces that article's sources: the event loses the precise dates it gave and widens back.
        analysed(daily, List.of());
        analysed(monday, List.of());
        JsonPath after = timelineOf(PLACE);
        assertThat(after.getInt("totalCount")).isEqualTo(1);
        assertThat(after.getList("items[0].sources.articleId", String.class)).containsExactlyInAnyOrder(weekly.toString(), undated.toString());
        assertThat(after.getString("items[0].granularity")).isEqualTo("WEEK");
        // Replaying an article's analysis changes nothing.
        analysed(undated, List.of(talks("the Testford talks", LocalDate.of(2025, 6, 15), LocalDate.of(2025, 6, 16), "DAY", true)));
        assertThat(timelineOf(PLACE).getList("items[0].sources.articleId", String.class)).hasSize(2);

        // Every change is announced for live readers: the first report created the event, the re-analysis changed it.
        UUID event = UUID.fromString(timelineOf(PLACE).getString("items[0].id"));
        try (TopicReader announced = new TopicReader(Topics.TIMELINE_EVENTS)) {
            // weekly was analysed once; daily twice (its re-analysis took its source away).
            for (var analyses : Map.of(weekly, 1, daily, 2).entrySet()) {
                var changes = announced.await(r -> analyses.getKey().toString().equals(r.key())
                        && r.value().contains(DossierEvents.TIMELINE_EVENTS_CHANGED.name()), analyses.getValue(), Duration.ofSeconds(30));
                assertThat(changes).hasSize(analyses.getValue());
                assertThat(changes).allSatisfy(r -> assertThat(
                        codec.payload(codec.read(r.value()), DossierEvents.TIMELINE_EVENTS_CHANGED).eventIds()).containsExactly(event));
            }
        }

        JsonPath byArticle = given().contentType("application/json").body(List.of(weekly)).post("/internal/articles/events")
                .then().statusCode(200).extract().jsonPath();
        assertThat(byArticle.getList("'" + weekly + "'.id", String.class)).hasSize(1);
        given().queryParam("after", "nonsense").get("/internal/timeline").then().statusCode(400);
    }

    private static AnalysisResults.ExtractedStatement said(UUID speaker, String content, LocalDate on) {
        return new AnalysisResults.ExtractedStatement(UUID.randomUUID(), "someone", speaker, "PERSON", "said", content, null,
                false, new TextRange(0, content.length()), null, on, on, on == null ? null : "DAY", List.of(), null, null, null);
    }

    @Test
    void anEntitysTimelineInterleavesItsStatementsWithTheEventsItTookPartIn() throws Exception {
        UUID envoy = UUID.randomUUID();
        UUID harbour = UUID.randomUUID();
        UUID article = UUID.randomUUID();
        var before = said(envoy, "We expect progress.", LocalDate.parse("2025-06-08"));
        var undated = said(envoy, "The talks were useful.", null); // dated by the article: June 16
        var nobody = said(null, "Sources said little.", LocalDate.parse("2025-06-09"));
        var other = said(UUID.randomUUID(), "No comment.", LocalDate.parse("2025-06-09"));
        var talks = new ExtractedEventMention(UUID.randomUUID(), "TALKS", "talks", "Talks in Harbourtown",
                LocalDate.parse("2025-06-09"), LocalDate.parse("2025-06-10"), "DAY", false, List.of(envoy, CN), List.of(harbour),
                List.of(), "talks in Harbourtown on June 9 and 10", new TextRange(0, 37));
        analysed(article, List.of(before, undated, nobody, other), List.of(talks));

        JsonPath page = entityTimeline(envoy, 2, null).statusCode(200).extract().jsonPath();
        String key = envoy.toString();
        assertThat(page.getList(key + ".items.kind", String.class)).containsExactly("STATEMENT", "EVENT");
        assertThat(page.getString(key + ".items[0].id")).isEqualTo(before.id().toString());
        assertThat(page.getString(key + ".items[1].event.label")).isEqualTo("Talks in Harbourtown");
        assertThat(page.getString(key + ".items[1].start")).isEqualTo("2025-06-09");
        assertThat(page.getInt(key + ".totalCount")).isEqualTo(3);
        assertThat(page.getBoolean(key + ".hasNextPage")).isTrue();

        JsonPath rest = entityTimeline(envoy, 2, page.getString(key + ".endCursor")).statusCode(200).extract().jsonPath();
        assertThat(rest.getList(key + ".items.id", String.class)).containsExactly(undated.id().toString());
        assertThat(rest.getString(key + ".items[0].start")).isEqualTo("2025-06-16");
        assertThat(rest.getString(key + ".items[0].granularity")).isEqualTo("DAY");
        assertThat(rest.getBoolean(key + ".hasNextPage")).isFalse();

        // Re-analysis replaces the article's statements.
        analysed(article, List.of(undated), List.of(talks));
        assertThat(entityTimeline(envoy, 10, null).extract().jsonPath().getList(key + ".items.kind", String.class))
                .containsExactly("EVENT", "STATEMENT");

        entityTimeline(envoy, 10, "bm90IGEgY3Vyc29y").statusCode(400);
        given().contentType("application/json").body(Map.of("entityIds", List.of(envoy), "first", 501))
                .post("/internal/entities/timeline").then().statusCode(400);
    }

    private static io.restassured.response.ValidatableResponse entityTimeline(UUID entity, int first, String after) {
        Map<String, Object> request = new java.util.HashMap<>(Map.of("entityIds", List.of(entity), "first", first));
        if (after != null) {
            request.put("after", after);
        }
        return given().contentType("application/json").body(request).post("/internal/entities/timeline").then();
    }
}
