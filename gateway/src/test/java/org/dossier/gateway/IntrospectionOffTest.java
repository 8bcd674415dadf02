package org.dossier.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With introspection turned off by configuration, as a production deployment may choose. */
@QuarkusTest
@TestProfile(IntrospectionOffTest.NoIntrospection.class)
class IntrospectionOffTest {

    public static class NoIntrospection implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.smallrye-graphql.field-visibility", "no-introspection");
        }
    }

    @Test
    void introspectionIsRefusedWhileOrdinaryQueriesStillValidate() {
        given().contentType("application/json").body(Map.of("query", "{ __schema { queryType { name } } }"))
                .post("/graphql").then().statusCode(200)
                .body("errors[0].message", containsString("__schema"))
                .body("data", nullValue());
        given().contentType("application/json").body(Map.of("query", "{ __typename }"))
                .post("/graphql").then().statusCode(200)
                .body("data.__typename", equalTo("Query"));
    }
}
