package org.dossier.entity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.dossier.entity.service.LanguagePipeline;
import org.junit.jupiter.api.Test;

/** The same code as the analysis worker, started as the read API (dossier.entity.role=read). */
@QuarkusTest
@TestProfile(ReadRoleTest.ReadRole.class)
class ReadRoleTest {

    public static class ReadRole implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dossier.entity.role", "read");
        }
    }

    @Inject
    KafkaClientService kafka;
    @Inject
    LanguagePipeline pipeline;

    @Test
    void theReadApiConsumesNothingAndLeavesTheModelsUnloadedButAnswers() {
        assertThat(kafka.getConsumerChannels()).doesNotContain("article-events");
        assertThat(pipeline.loaded()).isFalse();
        given().contentType("application/json").body(List.of()).post("/internal/analyses/lookup")
                .then().statusCode(200).body("size()", equalTo(0));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
