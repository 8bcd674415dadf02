package org.dossier.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.dossier.testing.StoppablePostgres;
import org.junit.jupiter.api.Test;

/** PostgreSQL stopped under timeline-service (a real server, its own), then started again: the gateway's view of it. */
@QuarkusTest
@TestProfile(StoppablePostgres.Profile.class)
class DatabaseOutageTest {

    @Test
    void theInternalApiAnswers503NamingPostgresWithRetryAfterDuringAnOutageAnd200AfterIt() throws Exception {
        given().get("/internal/timeline").then().statusCode(200);
        StoppablePostgres.stop();
        try {
            given().get("/internal/timeline").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5").body("dependency", equalTo("PostgreSQL"));
        } finally {
            StoppablePostgres.start();
        }
        int status = 0;
        for (int attempt = 0; attempt < 60 && status != 200; attempt++) {
            status = given().get("/internal/timeline").statusCode();
            if (status != 200) {
                Thread.sleep(500);
            }
        }
        assertThat(status).isEqualTo(200);
    }
}
