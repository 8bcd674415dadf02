package org.dossier.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import io.quarkus.test.junit.QuarkusTest;
import org.dossier.testing.RealInfrastructureResource;
import java.util.Map;
import java.util.UUID;
import org.dossier.gateway.graphql.GlobalId;
import org.junit.jupiter.api.Test;

/**
 * The gateway alone, with article-service down (the test profile points it at a closed port): bad ids and an
 * unreachable service give GraphQL errors, never a 500. The path through all services is in system-tests.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
class GatewayErrorsTest {

    @TestHTTPResource("/graphql")
    URL graphql;

    private static final String QUERY = "query($id: ID!) { article(id: $id) { id processing { stored analyzed timelined } } }";

    @Test
    void anIdThatIsNotOursIsAClearError() {
        given().contentType("application/json").body(Map.of("query", QUERY, "variables", Map.of("id", "%%%not-base64")))
                .post("/graphql").then().statusCode(200)
                .body("errors[0].message", containsString("not a Dossier id"))
                .body("data.article", nullValue());
    }

    @Test
    void anIdOfAnotherTypeIsNamedAsSuch() {
        String personId = GlobalId.of("Person", UUID.randomUUID());
        given().contentType("application/json").body(Map.of("query", QUERY, "variables", Map.of("id", personId)))
                .post("/graphql").then().statusCode(200)
                .body("errors[0].message", containsString("is the id of a Person, not of a Article"));
    }

    @Test
    void aDownstreamOutageIsAnErrorEntryForItsFieldNotAFailedRequest() {
        String id = GlobalId.of("Article", UUID.randomUUID());
        given().contentType("application/json").body(Map.of("query", QUERY, "variables", Map.of("id", id)))
                .post("/graphql").then().statusCode(200)
                .body("data.article", nullValue())
                .body("errors[0].path[0]", equalTo("article"))
                .body("errors[0].message", containsString("article-service is unavailable"))
                .body("errors[0].extensions.code", equalTo("SERVICE_UNAVAILABLE"))
                .body("errors[0].extensions.service", equalTo("article-service"));
    }

    /**
     * The same question from many clients at once during an outage: the first one's answer has errors, so it is
     * neither stored nor handed to those waiting for it; each of them gets its own partial answer with the error
     * entry, at once rather than after the request timeout.
     */
    @Test
    void clientsAskingTheSameQuestionDuringAnOutageEachGetThePartialAnswer() throws Exception {
        String body = "{\"query\":\"query($id: ID!) { article(id: $id) { id } }\",\"variables\":{\"id\":\""
                + GlobalId.of("Article", UUID.randomUUID()) + "\"}}";
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(graphql.toURI()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        List<CompletableFuture<HttpResponse<String>>> asked = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            asked.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : asked) {
            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Cache")).contains("MISS");
            assertThat(response.body()).contains("\"path\":[\"article\"]").contains("\"article\":null");
        }
        // A client left waiting for an answer that never comes would be released by the 10 s request timeout only.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        HttpResponse<String> again = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(again.headers().firstValue("X-Cache")).as("an answer with errors is never stored").contains("MISS");
    }

    @Test
    void globalIdsRoundTrip() {
        UUID uuid = UUID.randomUUID();
        org.assertj.core.api.Assertions.assertThat(GlobalId.decode(GlobalId.of("Article", uuid), "Article")).isEqualTo(uuid);
    }

    @Test
    void aQueryDeeperThanTheLimitIsRefusedNamingTheLimit() {
        String deep = "{ article(id: \"x\") { statements { article { statements { article { statements { article { "
                + "statements { article { statements { article { statements { id } } } } } } } } } } } } }";
        given().contentType("application/json").body(Map.of("query", deep)).post("/graphql").then().statusCode(200)
                .body("errors[0].message", containsString("depth"))
                .body("data", nullValue());
    }

    @Test
    void aQueryOverTheCostLimitIsRefusedBeforeAnyDownstreamCall() {
        String wide = "{ officials(first: 500) { edges { node { name statements(first: 500) { edges { node { id content } } } } } } }";
        given().contentType("application/json").body(Map.of("query", wide)).post("/graphql").then().statusCode(200)
                .body("errors[0].message", containsString("maximum query cost"))
                .body("errors[0].message", containsString("limit is 250000"))
                .body("data", nullValue());
    }

    @Test
    void tooManyAliasesAreRefusedNamingTheLimit() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 31; i++) {
            query.append(" a").append(i).append(": article(id: \"x\") { id }");
        }
        given().contentType("application/json").body(Map.of("query", query.append(" }").toString())).post("/graphql")
                .then().statusCode(200)
                .body("errors[0].message", containsString("31 aliases"))
                .body("errors[0].message", containsString("maximum aliases"))
                .body("data", nullValue());
    }

    @Test
    void parametersOfTheWrongJsonTypeAreA400NamingTheParameterNotA500() {
        given().contentType("application/json").body("{\"query\": {}}").post("/graphql").then().statusCode(400)
                .body("errors[0].message", containsString("query"));
        given().contentType("application/json").body("{\"query\": \"{ __typename }\", \"variables\": \"x\"}").post("/graphql")
                .then().statusCode(400).body("errors[0].message", containsString("\"variables\" must be a JSON object"));
        given().contentType("application/json").body("{\"query\": \"{ __typename }\", \"operationName\": 7}").post("/graphql")
                .then().statusCode(400).body("errors[0].message", containsString("\"operationName\" must be a string"));
        // A well-formed request is untouched.
        given().contentType("application/json").body("{\"query\": \"{ __typename }\", \"variables\": null}").post("/graphql")
                .then().statusCode(200).body("data.__typename", equalTo("Query"));
    }

    @Test
    void anOverlongQueryIsRefusedNamingTheLimit() {
        String query = "{ article(id: \"" + "x".repeat(20_001) + "\") { id } }";
        given().contentType("application/json").body(Map.of("query", query)).post("/graphql").then().statusCode(200)
                .body("errors[0].message", containsString("maximum query length"))
                .body("data", nullValue());
    }

    @Test
    void corsAdmitsTheConfiguredOriginsOnly() {
        given().header("Origin", "https://analysts.example.org").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/graphql").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://analysts.example.org"));
        given().header("Origin", "https://elsewhere.example.com").header("Access-Control-Request-Method", "POST")
                .options("/graphql").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
