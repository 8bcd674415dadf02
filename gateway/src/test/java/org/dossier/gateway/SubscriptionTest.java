package org.dossier.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dossier.events.AnalysisResults;
import org.dossier.events.DossierEvents;
import org.dossier.events.EventCodec;
import org.dossier.events.TextRange;
import org.dossier.events.Topics;
import org.dossier.gateway.graphql.GlobalId;
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
        BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .buildAsync(URI.create(graphql.toString().replaceFirst("^http", "ws")), collector(messages))
                .get(10, TimeUnit.SECONDS);
        socket.sendText("{\"type\":\"connection_init\"}", true).join();
        assertThat(next(messages, 10).get("type").asText()).isEqualTo("connection_ack");
        socket.sendText(JSON.writeValueAsString(Map.of("id", "1", "type", "subscribe", "payload", Map.of(
                "query", "subscription($about: ID) { statementAdded(filter: { about: $about }) { id cue content direct } }",
                "variables", Map.of("about", GlobalId.of("Control", wanted))))), true).join();

        // The gateway's consumer starts at the latest offset once it has its partitions: publish until one arrives.
        JsonNode received = null;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", RealInfrastructure.get().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (int attempt = 0; attempt < 60 && received == null; attempt++) {
                publish(producer, other, "The ministry said the other rule stays.");
                publish(producer, wanted, "The minister said the licences would resume.");
                received = messages.poll(500, TimeUnit.MILLISECONDS);
            }
        }
        assertThat(received).as("a statement within 30 s").isNotNull();
        List<JsonNode> all = new java.util.ArrayList<>(List.of(received));
        JsonNode more;
        while ((more = messages.poll(1, TimeUnit.SECONDS)) != null) {
            all.add(more);
        }
        for (JsonNode message : all) {
            assertThat(message.get("type").asText()).isEqualTo("next");
            JsonNode statement = message.at("/payload/data/statementAdded");
            assertThat(statement.get("content").asText()).isEqualTo("The minister said the licences would resume.");
            assertThat(statement.get("cue").asText()).isEqualTo("said");
            assertThat(statement.get("direct").asBoolean()).isFalse();
        }
        socket.sendText("{\"id\":\"1\",\"type\":\"complete\"}", true).join();
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    private void publish(KafkaProducer<String, String> producer, UUID control, String content) throws Exception {
        UUID article = UUID.randomUUID();
        var statement = new AnalysisResults.ExtractedStatement(UUID.randomUUID(), "The minister", null, "PERSON", "said",
                content, null, false, new TextRange(0, content.length()), null, null, null, null, List.of(control));
        var results = new AnalysisResults(article, OffsetDateTime.parse("2025-06-10T09:00:00Z"), List.of(statement), List.of());
        producer.send(new ProducerRecord<>(Topics.ANALYSIS_EVENTS, article.toString(), codec.write(
                codec.envelope(DossierEvents.ANALYSIS_RESULTS, "/entity-service", article.toString(), results)))).get(10, TimeUnit.SECONDS);
    }

    private static JsonNode next(BlockingQueue<JsonNode> messages, int seconds) throws InterruptedException {
        JsonNode message = messages.poll(seconds, TimeUnit.SECONDS);
        assertThat(message).as("a message within " + seconds + " s").isNotNull();
        return message;
    }

    private static WebSocket.Listener collector(BlockingQueue<JsonNode> messages) {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        JsonNode message = JSON.readTree(partial.toString());
                        if (!"ping".equals(message.path("type").asText())) {
                            messages.add(message);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    partial.setLength(0);
                }
                socket.request(1);
                return null;
            }
        };
    }
}
