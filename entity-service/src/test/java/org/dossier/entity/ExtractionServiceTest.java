package org.dossier.entity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dossier.entity.repository.AnalysisRepository;
import org.dossier.events.AnalysisResults;
import org.dossier.events.ArticleStored;
import org.dossier.events.DossierEvents;
import org.dossier.events.EventCodec;
import org.dossier.events.TextRange;
import org.dossier.events.Topics;
import org.dossier.testing.RealInfrastructure;
import org.dossier.testing.RealInfrastructureResource;
import org.dossier.testing.TopicReader;
import org.junit.jupiter.api.Test;

/** The language pipeline inside the service: from a stored-article event on Kafka to the internal read API. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
class ExtractionServiceTest {

    private static final String RESULTS = "\"dossier.analysis.results.v1\"";
    private static final String ANALYZED = "\"dossier.article.analyzed.v1\"";

    @Inject
    EventCodec codec;

    private void send(ArticleStored article) throws Exception {
        String wire = codec.write(codec.envelope(DossierEvents.ARTICLE_STORED, "/article-service",
                article.articleId().toString(), article));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", RealInfrastructure.get().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLE_EVENTS, article.articleId().toString(), wire)).get(30, TimeUnit.SECONDS);
        }
    }

    private static ArticleStored article(UUID id, String text, String language, List<TextRange> ranges) {
        return new ArticleStored(id, text, "Test", null, null, OffsetDateTime.parse("2025-06-10T08:00:00Z"), language,
                Integer.toHexString(text.hashCode()).repeat(8).substring(0, 64), null, ranges, null);
    }

    @Test
    void statementsAreStoredWithResolvedSpeakersAndControlsAndPublished() throws Exception {
        UUID id = UUID.randomUUID();
        String text = "Disclaimer: views are the author's own.\n"
                + "According to Reuters, Commerce Secretary Howard Lutnick said that the Entity List would grow. "
                + "Beijing warned that rare earth magnet licences would be slow.";
        int body = text.indexOf("According");
        try (TopicReader topic = new TopicReader(Topics.ANALYSIS_EVENTS)) {
            send(article(id, text, "en", List.of(new TextRange(body, text.length()))));
            var results = topic.await(r -> id.toString().equals(r.key()) && r.value().contains(RESULTS), 1, Duration.ofSeconds(60));
            AnalysisResults published = codec.payload(codec.read(results.get(0).value()), DossierEvents.ANALYSIS_RESULTS);
            assertThat(published.statements()).hasSize(2);
        }
        JsonPath statements = given().contentType("application/json").body(List.of(id)).post("/internal/articles/statements")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> list = statements.getList(id.toString());
        assertThat(list).hasSize(2);
        Map<String, Object> lutnick = list.get(0);
        assertThat(lutnick.get("speakerId")).isEqualTo(AnalysisRepository.entityId("person:howard-lutnick").toString());
        // The parts of the statement point into the stored text.
        assertThat(text.substring((Integer) lutnick.get("contentStart"), (Integer) lutnick.get("contentEnd")))
                .isEqualTo(lutnick.get("content"));
        assertThat(text.substring((Integer) lutnick.get("cueStart"), (Integer) lutnick.get("cueEnd"))).isEqualTo("said");
        assertThat(text.substring((Integer) lutnick.get("attributedToStart"), (Integer) lutnick.get("attributedToEnd")))
                .contains("Howard Lutnick");
        assertThat(lutnick.get("reportedById")).isEqualTo(AnalysisRepository.entityId("org:reuters").toString());
        assertThat((List<String>) lutnick.get("about")).containsExactly(AnalysisRepository.entityId("control:us-entity-list").toString());
        int start = (Integer) lutnick.get("spanStart");
        assertThat(text.substring(start)).startsWith("Commerce Secretary Howard Lutnick said");
        Map<String, Object> beijing = list.get(1);
        assertThat(beijing.get("speakerKind")).isEqualTo("GOVERNMENT");
        assertThat(beijing.get("speakerId")).isEqualTo(AnalysisRepository.entityId("country:CN").toString());

        // The speaker is a canonical entity with the roles of the knowledge file.
        JsonPath person = given().contentType("application/json").body(List.of(lutnick.get("speakerId")))
                .post("/internal/entities/lookup").then().statusCode(200).extract().jsonPath();
        assertThat(person.getString("[0].name")).isEqualTo("Howard Lutnick");
        assertThat(person.getString("[0].roles[0].title")).isEqualTo("Secretary of Commerce");
        // The entities the article names, each once.
        JsonPath named = given().contentType("application/json").body(List.of(id)).post("/internal/articles/entities")
                .then().statusCode(200).extract().jsonPath();
        assertThat(named.getList("'" + id + "'.key", String.class))
                .contains("person:howard-lutnick", "org:reuters", "control:us-entity-list", "country:CN")
                .doesNotHaveDuplicates();
        // Statements about a control, across articles.
        given().queryParam("about", AnalysisRepository.entityId("control:us-entity-list")).get("/internal/statements")
                .then().statusCode(200).body(containsString(id.toString()));
        given().queryParam("kind", "PERSON").queryParam("search", "lutnick").get("/internal/entities")
                .then().statusCode(200).body("totalCount", org.hamcrest.Matchers.equalTo(1));
        given().queryParam("after", "not-a-cursor").get("/internal/statements")
                .then().statusCode(400).body(containsString("after"));

        // Re-analysis changes nothing: same statement ids, same count.
        given().contentType("application/json").body(Map.of("articleIds", List.of(id))).post("/internal/analysis/reanalyze")
                .then().statusCode(200).body("reanalyzed", org.hamcrest.Matchers.equalTo(1));
        List<Map<String, Object>> again = given().contentType("application/json").body(List.of(id))
                .post("/internal/articles/statements").then().statusCode(200).extract().jsonPath().getList(id.toString());
        assertThat(again).extracting(m -> m.get("id")).containsExactlyElementsOf(list.stream().map(m -> m.get("id")).toList());
    }

    @Test
    void aMergeBesideAPostIsRecordedWithItsReasonAndCanBeUndone() throws Exception {
        UUID id = UUID.randomUUID();
        String text = "White House National Economic Council Director Larry Hassett said that the tariff truce would be extended.";
        try (TopicReader topic = new TopicReader(Topics.ANALYSIS_EVENTS)) {
            send(article(id, text, "en", null));
            topic.await(r -> id.toString().equals(r.key()) && r.value().contains(ANALYZED), 1, Duration.ofSeconds(60));
        }
        String hassett = AnalysisRepository.entityId("person:kevin-hassett").toString();
        List<Map<String, Object>> merges = given().queryParam("entity", hassett).get("/internal/merges")
                .then().statusCode(200).extract().jsonPath().getList("");
        Map<String, Object> merge = merges.stream().filter(m -> id.toString().equals(m.get("articleId"))).findFirst().orElseThrow();
        assertThat(merge.get("alias")).isEqualTo("Larry Hassett");
        assertThat((String) merge.get("reason")).contains("Director of the National Economic Council");

        String separate = given().post("/internal/merges/" + merge.get("id") + "/undo").then().statusCode(200)
                .extract().jsonPath().getString("entityId");
        given().post("/internal/merges/" + merge.get("id") + "/undo").then().statusCode(404);
        assertThat(speakerOf(id)).isEqualTo(separate);
        // A later analysis keeps the undone merge apart.
        given().contentType("application/json").body(Map.of("articleIds", List.of(id))).post("/internal/analysis/reanalyze")
                .then().statusCode(200);
        assertThat(speakerOf(id)).isEqualTo(separate);
    }

    @Test
    void aTranscriptsGenericAnswersAreTheSpeakerItsTitleNamesAlsoAfterReanalysis() throws Exception {
        UUID id = UUID.randomUUID();
        String text = "Q: What is the ministry's response to the new port fees?\n"
                + "A: The fees violate trade rules, and we firmly oppose them.";
        ArticleStored stored = new ArticleStored(id, text, "MOFCOM Spokesperson's Remarks on the Port Fees", null, null,
                OffsetDateTime.parse("2025-06-10T08:00:00Z"), "en", "d".repeat(64), null, null, null);
        try (TopicReader topic = new TopicReader(Topics.ANALYSIS_EVENTS)) {
            send(stored);
            topic.await(r -> id.toString().equals(r.key()) && r.value().contains(ANALYZED), 1, Duration.ofSeconds(60));
        }
        String mofcom = AnalysisRepository.entityId("org:cn-mofcom").toString();
        assertThat(speakerOf(id)).isEqualTo(mofcom);
        given().contentType("application/json").body(Map.of("articleIds", List.of(id))).post("/internal/analysis/reanalyze")
                .then().statusCode(200);
        assertThat(speakerOf(id)).isEqualTo(mofcom);
    }

    private static String speakerOf(UUID article) {
        return given().contentType("application/json").body(List.of(article)).post("/internal/articles/statements")
                .then().statusCode(200).extract().jsonPath().getString("'" + article + "'[0].speakerId");
    }

    @Test
    void unsupportedLanguageIsRecordedWithANoteAndOversizedTextIsReportedFailed() throws Exception {
        UUID german = UUID.randomUUID();
        UUID huge = UUID.randomUUID();
        try (TopicReader topic = new TopicReader(Topics.ANALYSIS_EVENTS)) {
            send(article(german, "Der Minister sagte, die Zölle würden bleiben.", "de", null));
            send(article(huge, "rare earths ".repeat(50_000), "en", null));
            topic.await(r -> german.toString().equals(r.key()) && r.value().contains(ANALYZED), 1, Duration.ofSeconds(60));
            var failed = topic.await(r -> huge.toString().equals(r.key()) && r.value().contains("processing-failed"), 1,
                    Duration.ofSeconds(60));
            assertThat(codec.payload(codec.read(failed.get(0).value()), DossierEvents.ANALYSIS_FAILED).reason())
                    .contains("max-text-chars");
        }
        given().contentType("application/json").body(List.of(german)).post("/internal/analyses/lookup")
                .then().statusCode(200).body("[0].note", containsString("'de' is not analysed"))
                .body("[0].statementCount", org.hamcrest.Matchers.equalTo(0));
    }
}
