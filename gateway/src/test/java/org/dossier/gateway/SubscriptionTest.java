package org.dossier.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dossier.events.AnalysisResults;
import org.dossier.events.CloudEvent;
import org.dossier.events.DossierEvents;
import org.dossier.events.EventCodec;
import org.dossier.events.TextRange;
import org.dossier.events.Topics;
import org.dossier.gateway.graphql.GlobalId;
import org.dossier.testing.GraphQlWsClient;
import org.dossier.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * statementAdded over graphql-ws (the graphql-transport-ws protocol), fed by analysis results published to the real
 * Kafka topic, with a filter on the control a statement is about.
 */
@QuarkusTest
class SubscriptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventCodec codec = new EventCodec();

    @TestHTTPResource("/graphql")
    URL graphql;

    @Test
    void statementsArriveAsTheyAreExtractedAndTheFilterKeepsOnlyTheControlAskedFor() throws Exception {
        UUID wanted = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        List<JsonNode> all = new ArrayList<>();
        try (GraphQlWsClient client = GraphQlWsClient.connect(graphql.toString())) {
            client.subscribe("1", JSON.writeValueAsString(Map.of(
                    "query", "subscription($about: ID) { statementAdded(filter: { about: $about }) { id cue content direct } }",
                    "variables", Map.of("about", GlobalId.of("Control", wanted)))));
            // The gateway's consumer starts at the latest offset once it has its partitions: publish until one arrives.
            String received = null;
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of("bootstrap.servers", RealInfrastructure.get().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                for (int attempt = 0; attempt < 60 && received == null; attempt++) {
                    publish(producer, other, "The ministry said the other rule stays.");
                    publish(producer, wanted, "The minister said the licences would resume.");
                    received = client.next(Duration.ofMillis(500));
                }
            }
            assertThat(received).as("a statement within 30 s").isNotNull();
            for (String message = received; message != null; message = client.next(Duration.ofSeconds(1))) {
                all.add(JSON.readTree(message));
            }
        }
        for (JsonNode message : all) {
            assertThat(message.get("type").asText()).isEqualTo("next");
            JsonNode statement = message.at("/payload/data/statementAdded");
            assertThat(statement.get("content").asText()).isEqualTo("The minister said the licences would resume.");
            assertThat(statement.get("cue").asText()).isEqualTo("said");
            assertThat(statement.get("direct").asBoolean()).isFalse();
        }
    }

    private void publish(KafkaProducer<String, String> producer, UUID control, String content) throws Exception {
        UUID article = UUID.randomUUID();
        var statement = new AnalysisResults.ExtractedStatement(UUID.randomUUID(), "The minister", null, "PERSON", "said",
                content, null, false, new TextRange(0, content.length()), null, null, null, null, List.of(control));
        var results = new AnalysisResults(article, OffsetDateTime.parse("2025-06-10T09:00:00Z"), List.of(statement), List.of());
        var record = new ProducerRecord<>(Topics.ANALYSIS_EVENTS, article.toString(), codec.write(
                codec.envelope(DossierEvents.ANALYSIS_RESULTS, "/entity-service", article.toString(), results)));
        // As the outbox relay sends it: a structured CloudEvent, announced as such.
        record.headers().add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get(10, TimeUnit.SECONDS);
    }
}
