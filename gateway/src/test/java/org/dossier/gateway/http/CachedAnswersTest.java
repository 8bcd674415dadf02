package org.dossier.gateway.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dossier.events.Topics;
import org.dossier.testing.RealInfrastructure;
import org.dossier.testing.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

/**
 * The answer cache through HTTP, with the announcements on the real Kafka topics: a repeated query is answered from
 * memory, until a record on any of the three topics ends it; answers with errors are never kept; a client can ask
 * for a fresh answer. (The services are down in this profile: only answers that need none of them succeed.)
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
class CachedAnswersTest {

    @TestHTTPResource("/graphql")
    URL graphql;

    /** A query no other test sends, so that nothing is stored for it yet. */
    private static String uniqueQuery() {
        return "query Q_" + UUID.randomUUID().toString().replace('-', '_') + " { __typename }";
    }

    private static Response post(String query, String... headers) {
        var request = given().contentType("application/json").body(Map.of("query", query));
        for (int i = 0; i < headers.length; i += 2) {
            request = request.header(headers[i], headers[i + 1]);
        }
        Response response = request.post("/graphql");
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    /** Stores nothing until the gateway's consumers read all three topics: wait for that, shown by a first hit. */
    private static void awaitStoring() throws InterruptedException {
        String query = uniqueQuery();
        post(query);
        for (int attempt = 0; attempt < 120; attempt++) {
            if ("HIT".equals(post(query).header(CachedAnswers.HEADER))) {
                return;
            }
            post(query, "Cache-Control", "no-cache"); // executed again, now perhaps stored
            Thread.sleep(500);
        }
        throw new AssertionError("the gateway never started storing answers (its consumers got no partitions)");
    }

    /** Whether the query is answered with this X-Cache within 15 seconds. */
    private static boolean eventually(String query, String cache) throws InterruptedException {
        for (int attempt = 0; attempt < 60; attempt++) {
            if (cache.equals(post(query).header(CachedAnswers.HEADER))) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static void announce(String topic) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                RealInfrastructure.get().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), "{\"anything\": true}"));
        }
    }

    @Test
    void aRepeatedQueryIsAnsweredFromMemoryUntilAChangeIsAnnouncedOnAnyTopic() throws Exception {
        awaitStoring();
        for (String topic : new String[] {Topics.ARTICLE_EVENTS, Topics.ANALYSIS_EVENTS, Topics.TIMELINE_EVENTS}) {
            String query = uniqueQuery();
            Response executed = post(query);
            assertThat(executed.header(CachedAnswers.HEADER)).isEqualTo("MISS");
            Response stored = post(query);
            assertThat(stored.header(CachedAnswers.HEADER)).isEqualTo("HIT");
            assertThat(stored.asString()).isEqualTo(executed.asString()).isEqualTo("{\"data\":{\"__typename\":\"Query\"}}");
            assertThat(stored.contentType()).isEqualTo(executed.contentType());
            Response typed = post(query, "Accept", GraphQlHttpConventions.GRAPHQL_RESPONSE);
            assertThat(typed.header(CachedAnswers.HEADER)).isEqualTo("HIT");
            assertThat(typed.contentType()).isEqualTo(GraphQlHttpConventions.GRAPHQL_RESPONSE);

            announce(topic);
            assertThat(eventually(query, "MISS")).as("a record on %s ends the stored answer", topic).isTrue();
            // and the fresh answer is stored again (a rebalance of the gateway's consumers, which share a group, may
            // still end one more generation just after the announcement)
            assertThat(eventually(query, "HIT")).as("the fresh answer after a record on %s is stored again", topic).isTrue();
        }
    }

    @Test
    void anAnswerWithAnErrorIsNeverKept() throws Exception {
        awaitStoring();
        String query = "{ officials(first: 1) { totalCount } __typename q" + UUID.randomUUID().toString().replace("-", "") + ": __typename }";
        for (int i = 0; i < 3; i++) {
            Response response = post(query);
            assertThat(response.jsonPath().getList("errors")).as("article/entity-service is down").isNotEmpty();
            assertThat(response.header(CachedAnswers.HEADER)).isEqualTo("MISS");
        }
    }

    @Test
    void aClientCanAskForAFreshAnswer() throws Exception {
        awaitStoring();
        String query = uniqueQuery();
        post(query);
        assertThat(post(query).header(CachedAnswers.HEADER)).isEqualTo("HIT");
        assertThat(post(query, "Cache-Control", "no-cache").header(CachedAnswers.HEADER)).isEqualTo("MISS");
        assertThat(post(query).header(CachedAnswers.HEADER)).isEqualTo("HIT");
    }

    @Test
    void getRequestsAreAnsweredFromMemoryToo() throws Exception {
        awaitStoring();
        String query = uniqueQuery();
        var first = given().queryParam("query", query).get("/graphql");
        var second = given().queryParam("query", query).get("/graphql");
        assertThat(first.header(CachedAnswers.HEADER)).isEqualTo("MISS");
        assertThat(second.header(CachedAnswers.HEADER)).isEqualTo("HIT");
        assertThat(second.asString()).isEqualTo(first.asString());
    }

    /** The raw response, not decoded (RestAssured would ask for gzip and unzip it unseen). */
    private HttpResponse<byte[]> postRaw(String query, String acceptEncoding) throws Exception {
        var request = HttpRequest.newBuilder(graphql.toURI()).header("Content-Type", "application/json");
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        String body = "{\"query\":\"" + query.replace("\"", "\\\"") + "\"}";
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static String text(HttpResponse<byte[]> response) throws Exception {
        if (response.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent()) {
            try (var in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aLongAnswerGoesOutGzippedToClientsThatAcceptItComputedAndFromMemory() throws Exception {
        awaitStoring();
        // a few kB of introspection: needs no service
        String query = "query Q_" + UUID.randomUUID().toString().replace('-', '_') + " { __schema { types { name description } } }";
        HttpResponse<byte[]> computed = postRaw(query, "gzip, deflate, br");
        HttpResponse<byte[]> stored = postRaw(query, "gzip, deflate, br");
        HttpResponse<byte[]> plain = postRaw(query, null);
        HttpResponse<byte[]> refused = postRaw(query, "gzip;q=0, identity");

        assertThat(computed.headers().firstValue(CachedAnswers.HEADER)).contains("MISS");
        assertThat(stored.headers().firstValue(CachedAnswers.HEADER)).contains("HIT");
        assertThat(plain.headers().firstValue(CachedAnswers.HEADER)).contains("HIT");
        String json = new String(plain.body(), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"data\":{\"__schema\":").hasSizeGreaterThan(2048);
        for (var gzipped : java.util.List.of(computed, stored)) {
            assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
            assertThat(gzipped.body().length).isLessThan(json.length() / 2);
            assertThat(text(gzipped)).isEqualTo(json);
        }
        for (var asWritten : java.util.List.of(plain, refused)) {
            assertThat(asWritten.headers().firstValue("Content-Encoding")).isEmpty();
        }
        assertThat(refused.body()).isEqualTo(plain.body());
        for (var any : java.util.List.of(computed, stored, plain, refused)) {
            assertThat(any.headers().allValues("Vary")).as("caches between must keep the encodings apart")
                    .anySatisfy(vary -> assertThat(vary).containsIgnoringCase("Accept-Encoding"));
            assertThat(any.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        }

        HttpResponse<byte[]> small = postRaw(uniqueQuery(), "gzip");
        assertThat(small.headers().firstValue("Content-Encoding")).as("a short answer is sent as written").isEmpty();
        assertThat(text(small)).isEqualTo("{\"data\":{\"__typename\":\"Query\"}}");
    }
}
