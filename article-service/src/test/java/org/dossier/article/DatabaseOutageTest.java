package org.dossier.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.UUID;
import org.dossier.testing.StoppablePostgres;
import org.junit.jupiter.api.Test;

/** PostgreSQL stopped under article-service (a real server, its own), then started again. */
@QuarkusTest
@TestProfile(StoppablePostgres.Profile.class)
class DatabaseOutageTest {

    @Test
    void duringAnOutageEveryCallIs503NamingPostgresWithRetryAfterAndTheServiceRecoversAfterIt() throws Exception {
        String before = given().contentType("application/json").body(article()).post("/api/articles")
                .then().statusCode(201).extract().path("id");
        StoppablePostgres.stop();
        try {
            given().contentType("application/json").body(article()).post("/api/articles").then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("status", equalTo(503))
                    .body("title", equalTo("Service Unavailable"))
                    .body("dependency", equalTo("PostgreSQL"))
                    .body("detail", containsString("PostgreSQL is unavailable"));
            given().get("/api/articles/" + before).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5");
            given().contentType("application/x-ndjson").body((article() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/articles/batch").then()
                    .statusCode(200).body(containsString("\"status\":503"));
        } finally {
            StoppablePostgres.start();
        }
        // The pool's old connections died with the server; it opens new ones as they are needed.
        Response after = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            after = given().contentType("application/json").body(article()).post("/api/articles");
            if (after.statusCode() != 503) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(after.statusCode()).isEqualTo(201);
        given().get("/api/articles/" + before).then().statusCode(200).body("id", equalTo(before));
    }

    private static String article() {
        // one line: also an NDJSON line of a batch
        return ("{\"text\": \"Officials met in Geneva on May 12, 2025. %s\", \"title\": \"Geneva talks\", "
                + "\"source\": \"Example Wire\", \"publishedAt\": \"2025-05-12T08:00:00Z\", \"language\": \"en\"}")
                .formatted(UUID.randomUUID());
    }
}
