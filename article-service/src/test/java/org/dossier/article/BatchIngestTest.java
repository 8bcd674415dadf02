package org.dossier.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dossier.testing.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
class BatchIngestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLineGetsItsOwnResultAndABadLineFailsAlone() throws Exception {
        String token = UUID.randomUUID().toString();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        line(body, "{\"text\": \"Talks in London resumed on Tuesday. " + token + "\", \"title\": \"One\"}");      // 1: new
        line(body, "{\"text\": \"talks in london resumed on tuesday. " + token + "\"}");                        // 2: duplicate of 1
        line(body, "   ");                                                                                       // 3: blank, no result
        line(body, "{\"text\": ");                                                                               // 4: malformed
        line(body, "{\"text\": \"x " + token + "\", \"author\": \"me\"}");                                       // 5: unknown field
        line(body, "{\"text\": \"y " + token + "\", \"publishedAt\": \"yesterday\"}");                            // 6: bad date
        body.write(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'}); // 7: not UTF-8
        line(body, "{\"text\": \"" + "z".repeat(80_000) + "\"}");                                                 // 8: line too long
        body.write(("{\"text\": \"Stockholm round ended. " + token + "\"}").getBytes(StandardCharsets.UTF_8));    // 9: new, no final newline

        String answer = given().contentType("application/x-ndjson").body(body.toByteArray()).post("/api/articles/batch")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        List<JsonNode> results = new ArrayList<>();
        for (String l : answer.split("\n")) {
            results.add(JSON.readTree(l));
        }
        assertThat(results).extracting(r -> r.get("line").asInt()).containsExactly(1, 2, 4, 5, 6, 7, 8, 9);
        assertThat(results).extracting(r -> r.get("status").asInt()).containsExactly(201, 200, 400, 400, 400, 400, 413, 201);
        assertThat(results.get(1).get("id").asText()).isEqualTo(results.get(0).get("id").asText());
        assertThat(results.get(3).get("error").get("field").asText()).isEqualTo("author");
        assertThat(results.get(4).get("error").get("field").asText()).isEqualTo("publishedAt");
        assertThat(results.get(5).get("error").get("detail").asText()).contains("UTF-8");
        given().get("/api/articles/" + results.get(7).get("id").asText()).then().statusCode(200);
        given().get("/api/articles/" + results.get(0).get("id").asText()).then().body("title", equalTo("One"));
    }

    @Test
    void aLargeBatchIsStoredWholeAndAnsweredInOrder() {
        StringBuilder body = new StringBuilder();
        String token = UUID.randomUUID().toString();
        int count = 1_000;
        for (int i = 0; i < count; i++) {
            body.append("{\"text\": \"Generated report number ").append(i).append(" on export licences. ").append(token)
                    .append("\", \"source\": \"Bulk\"}\n");
        }
        String answer = given().contentType("application/x-ndjson").body(body.toString().getBytes(StandardCharsets.UTF_8)).post("/api/articles/batch")
                .then().statusCode(200).extract().asString();
        String[] lines = answer.split("\n");
        assertThat(lines).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(lines[i]).startsWith("{\"line\":" + (i + 1) + ",\"status\":201,");
        }
    }

    @Test
    void articlesOfOneBatchSeeEachOtherAsExactAndNearDuplicates() throws Exception {
        String token = UUID.randomUUID().toString().replace("-", " ");
        String story = "Officials from both delegations met in Geneva on Monday " + token + " to review the licence "
                + "regime for advanced chips, and the commerce ministry said the review would continue through the "
                + "summer while exporters waited for guidance on which shipments still needed a permit and which "
                + "could leave under the general authorisation agreed in the spring";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        line(body, "{\"text\": \"" + story + ".\", \"url\": \"https://one.example/" + token.hashCode() + "\"}"); // 1: new
        line(body, "{\"text\": \"" + story + ", a spokesperson added.\"}");                                 // 2: reprint of 1
        line(body, "{\"text\": \"Unrelated " + token + "\", \"url\": \"https://one.example/" + token.hashCode() + "\"}"); // 3: URL of 1
        line(body, "{\"text\": \"" + story + ", a spokesperson added. Corrected.\"}");                     // 4: reprint of 2
        String answer = given().contentType("application/x-ndjson").body(body.toByteArray()).post("/api/articles/batch")
                .then().statusCode(200).extract().asString();
        List<JsonNode> results = new ArrayList<>();
        for (String l : answer.split("\n")) {
            results.add(JSON.readTree(l));
        }
        assertThat(results).extracting(r -> r.get("status").asInt()).containsExactly(201, 201, 200, 201);
        String original = results.get(0).get("id").asText();
        assertThat(results.get(0).has("duplicateOf")).isFalse();
        assertThat(results.get(1).get("duplicateOf").asText()).isEqualTo(original);
        assertThat(results.get(2).get("id").asText()).isEqualTo(original);
        // A reprint of a reprint points at the first, not at the chain.
        assertThat(results.get(3).get("duplicateOf").asText()).isEqualTo(original);
        given().get("/api/articles/" + results.get(1).get("id").asText()).then().body("duplicateOf", equalTo(original));
    }

    @Test
    void aSinglePostLargerThanAnyArticleIsRefusedBeforeItIsRead() {
        given().contentType("application/json").body("{\"text\": \"" + "a".repeat(100_000) + "\"}").post("/api/articles")
                .then().statusCode(413).contentType("application/problem+json").body("field", equalTo("text"));
    }

    private static void line(ByteArrayOutputStream body, String text) {
        body.writeBytes((text + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
