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
            subscribeToStatementsAbout(client, "1", wanted,
                    "id cue content direct contentSpan { start end } cueSpan { start end } attributedToSpan { start end }");
            // The gateway's consumer starts at the latest offset once it has its partitions: publish until one arrives.
            String received = null;
            try (KafkaProducer<String, String> producer = producer()) {
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
            // The parts' spans as the analysis gave them; a part the text lacks is null.
            assertThat(statement.at("/contentSpan/end").asInt()).isEqualTo(statement.get("content").asText().length());
            assertThat(statement.get("cueSpan").isNull()).isTrue();
            assertThat(statement.at("/attributedToSpan/end").asInt()).isEqualTo(12);
        }
    }

    /**
     * An article's statements reach the feed in one burst. A subscriber still completing the previous statement (its
     * {@code speaker} is fetched from entity-service, here unreachable, so slowly and with an error) has no demand
     * open when the next arrives: the subscription must hold it, not end.
     */
    @Test
    void aBurstOfStatementsReachesASubscriberStillCompletingThePreviousOne() throws Exception {
        UUID control = UUID.randomUUID();
        int burst = 5;
        List<JsonNode> messages = new ArrayList<>();
        try (GraphQlWsClient client = GraphQlWsClient.connect(graphql.toString())) {
            subscribeToStatementsAbout(client, "burst", control, "content speaker { name }");
            try (KafkaProducer<String, String> producer = producer()) {
                // Until the consumer has its partitions nothing arrives: probes first, then the burst.
                awaitProbes(client, producer, control, UUID.randomUUID());
                publish(producer, control, java.util.stream.IntStream.range(0, burst).mapToObj(i -> "burst " + i).toList(),
                        UUID.randomUUID());
            }
            for (String m = client.next(Duration.ofSeconds(15)); m != null; m = client.next(Duration.ofSeconds(5))) {
                messages.add(JSON.readTree(m));
            }
        }
        assertThat(messages).extracting(m -> m.get("type").asText()).as("%s", messages).containsOnly("next");
        assertThat(messages).extracting(m -> m.at("/payload/data/statementAdded/content").asText())
                .containsExactly("burst 0", "burst 1", "burst 2", "burst 3", "burst 4");
    }

    /**
     * A statement whose article cannot be fetched (article-service is unreachable here, and {@code article} is non-null)
     * is delivered as an event without data and with an error naming the field, and the subscription goes on: the
     * next statements arrive too.
     */
    @Test
    void aStatementWhoseArticleCannotBeFetchedComesWithAnErrorAndTheSubscriptionGoesOn() throws Exception {
        UUID control = UUID.randomUUID();
        List<JsonNode> messages = new ArrayList<>();
        try (GraphQlWsClient client = GraphQlWsClient.connect(graphql.toString())) {
            subscribeToStatementsAbout(client, "down", control, "content article { id title }");
            try (KafkaProducer<String, String> producer = producer()) {
                awaitProbes(client, producer, control, null);
                publish(producer, control, List.of("after 1"), null);
                messages.add(JSON.readTree(client.next(Duration.ofSeconds(15))));
                publish(producer, control, List.of("after 2"), null);
                messages.add(JSON.readTree(client.next(Duration.ofSeconds(15))));
            }
        }
        assertThat(messages).extracting(m -> m.get("type").asText()).as("%s", messages).containsExactly("next", "next");
        for (JsonNode message : messages) {
            assertThat(message.at("/payload/data/statementAdded").isMissingNode() || message.at("/payload/data/statementAdded").isNull())
                    .as("%s", message).isTrue();
            assertThat(message.at("/payload/errors/0/path").toString()).as("%s", message).contains("article");
        }
    }

    /**
     * Publishes probe statements until the subscription receives one (the gateway's consumer starts at the latest
     * offset once it has its partitions), then waits until the probes' late events have arrived.
     */
    private void awaitProbes(GraphQlWsClient client, KafkaProducer<String, String> producer, UUID control, UUID speaker)
            throws Exception {
        String first = null;
        for (int attempt = 0; attempt < 60 && first == null; attempt++) {
            publish(producer, control, List.of("probe"), speaker);
            first = client.next(Duration.ofMillis(500));
        }
        assertThat(first).as("a probe statement within 30 s").isNotNull();
        for (String m = client.next(Duration.ofSeconds(3)); m != null; m = client.next(Duration.ofSeconds(3))) {
            // the probes' late events
        }
    }

    /** Subscribes to the statements about one control, selecting {@code selection} of each. */
    private static void subscribeToStatementsAbout(GraphQlWsClient client, String id, UUID control, String selection)
            throws Exception {
        client.subscribe(id, JSON.writeValueAsString(Map.of(
                "query", "subscription($about: ID) { statementAdded(filter: { about: $about }) { " + selection + " } }",
                "variables", Map.of("about", GlobalId.of("Control", control)))));
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", RealInfrastructure.get().bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    private void publish(KafkaProducer<String, String> producer, UUID control, String content) throws Exception {
        publish(producer, control, List.of(content), null);
    }

    /** One article's analysis results, with a statement per content, by the speaker given (or none resolved). */
    private void publish(KafkaProducer<String, String> producer, UUID control, List<String> contents, UUID speaker) throws Exception {
        UUID article = UUID.randomUUID();
        List<AnalysisResults.ExtractedStatement> statements = contents.stream().map(content -> new AnalysisResults.ExtractedStatement(
                UUID.randomUUID(), "The minister", speaker, "PERSON", "said", content, null, false,
                new TextRange(0, content.length()), null, null, null, null, List.of(control),
                new TextRange(0, content.length()), null, new TextRange(0, 12))).toList();
        var results = new AnalysisResults(article, OffsetDateTime.parse("2025-06-10T09:00:00Z"), statements, List.of());
        var record = new ProducerRecord<>(Topics.ANALYSIS_EVENTS, article.toString(), codec.write(
                codec.envelope(DossierEvents.ANALYSIS_RESULTS, "/entity-service", article.toString(), results)));
        // As the outbox relay sends it: a structured CloudEvent, announced as such.
        record.headers().add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get(10, TimeUnit.SECONDS);
    }
}
