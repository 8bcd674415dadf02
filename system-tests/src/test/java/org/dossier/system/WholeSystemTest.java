package org.dossier.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.dossier.infra.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The promise of the README: ./dossier up starts everything, an article travels article-service → entity-service →
 * timeline-service, and the gateway answers with all three stages done; ./dossier down stops it all.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Launcher launcher;

    @BeforeAll
    static void up() {
        launcher = new Launcher(Launcher.tempDataDir());
        Launcher.Result up = launcher.run("up", "--detach");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).contains("Dossier is up. GraphQL: http://localhost:" + launcher.port("GATEWAY") + "/graphql");
        assertThat(up.output()).as("the demo articles are loaded").contains("10-busan-meeting.txt").contains(" new");
    }

    @AfterAll
    static void down() {
        if (launcher != null) {
            launcher.run("down");
        }
    }

    @Test
    @Order(1)
    void anIngestedArticleIsStoredAnalysedAndTimelinedAsTheGatewayReports() throws Exception {
        Path file = launcher.dataDir().resolve("probe.json");
        Files.writeString(file, JSON.writeValueAsString(Map.of("text", "Officials met in Geneva. " + UUID.randomUUID(),
                "title", "Probe", "publishedAt", "2025-05-12T10:00:00+02:00")));
        Launcher.Result ingest = launcher.run("ingest", file.toString());
        assertThat(ingest.exitCode()).as(ingest.output()).isZero();
        String[] line = ingest.output().strip().split(" ");
        assertThat(line).hasSize(3);
        assertThat(line[0]).isEqualTo(file.toString());
        assertThat(line[2]).isEqualTo("new");
        String globalId = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("Article:" + line[1]).getBytes(java.nio.charset.StandardCharsets.UTF_8));

        JsonNode article = null;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            article = graphql("query($id: ID!) { article(id: $id) { id title publishedAt processing { stored analyzed timelined } } }",
                    Map.of("id", globalId)).path("data").path("article");
            if (article.path("processing").path("timelined").asBoolean() && article.path("processing").path("analyzed").asBoolean()) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(article.path("id").asText()).isEqualTo(globalId);
        assertThat(article.path("title").asText()).isEqualTo("Probe");
        assertThat(article.path("processing").path("stored").asBoolean()).isTrue();
        assertThat(article.path("processing").path("analyzed").asBoolean()).isTrue();
        assertThat(article.path("processing").path("timelined").asBoolean()).isTrue();

        Launcher.Result again = launcher.run("ingest", file.toString());
        assertThat(again.output().strip()).isEqualTo(file + " " + line[1] + " duplicate");
    }

    @Test
    @Order(2)
    void ndjsonIsIngestedLineByLineWithLineNumbers() throws Exception {
        Path file = launcher.dataDir().resolve("batch.ndjson");
        String token = UUID.randomUUID().toString();
        Files.writeString(file, "{\"text\": \"First of two. " + token + "\"}\n\n{\"text\": \"\"}\n{\"text\": \"Second of two. " + token + "\"}\n");
        Launcher.Result ingest = launcher.run("ingest", file.toString());
        assertThat(ingest.exitCode()).as("a rejected line makes the exit non-zero").isEqualTo(1);
        assertThat(ingest.output().strip().lines().toList()).satisfiesExactly(
                l -> assertThat(l).startsWith(file + ":1 ").endsWith(" new"),
                l -> assertThat(l).startsWith(file + ":3 rejected 400: text is blank"),
                l -> assertThat(l).startsWith(file + ":4 ").endsWith(" new"));
    }

    @Test
    @Order(3)
    void statusShowsEveryPartHealthyAndASecondUpSaysItIsRunning() {
        Launcher.Result status = launcher.run("status");
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).contains("infra").contains("article-service").contains("entity-service")
                .contains("timeline-service").contains("gateway").doesNotContain("DOWN");
        Launcher.Result second = launcher.run("up", "--detach");
        assertThat(second.exitCode()).isNotZero();
        assertThat(second.output()).contains("already running");
    }

    @Test
    @Order(4)
    void downStopsEverythingAndTheDataSurvivesForTheNextUp() throws Exception {
        Launcher.Result down = launcher.run("down");
        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(launcher.run("status").exitCode()).isEqualTo(3);
        for (String part : new String[] {"GATEWAY", "ARTICLE", "ENTITY", "TIMELINE", "POSTGRES", "KAFKA"}) {
            assertThat(Ports.accepting(launcher.port(part))).as(part + " port closed").isFalse();
        }
        Launcher.Result up = launcher.run("up", "--detach");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).as("the demo articles are already there").contains("10-busan-meeting.txt").contains(" duplicate")
                .doesNotContain(" new");
    }

    private static JsonNode graphql(String query, Map<String, Object> variables) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + launcher.port("GATEWAY") + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query, "variables", variables))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
