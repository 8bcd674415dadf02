package org.dossier.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.dossier.testing.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ApiKeyTest.TwoKeys.class)
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
class ApiKeyTest {

    public static class TwoKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dossier.ingest.api-keys", "old-key,new-key");
        }
    }

    @Test
    void ingestNeedsOneOfTheConfiguredKeysWhileReadingStaysOpen() {
        String body = "{\"text\": \"Keyed. " + UUID.randomUUID() + "\"}";
        given().contentType("application/json").body(body).post("/api/articles").then().statusCode(401)
                .contentType("application/problem+json");
        given().contentType("application/json").header("X-Api-Key", "wrong").body(body).post("/api/articles").then().statusCode(403);
        String id = given().contentType("application/json").header("X-Api-Key", "old-key").body(body).post("/api/articles")
                .then().statusCode(201).extract().path("id");
        given().contentType("application/json").header("Authorization", "Bearer new-key").body(body).post("/api/articles")
                .then().statusCode(200).body("id", equalTo(id));
        given().get("/api/articles/" + id).then().statusCode(200);
    }
}
