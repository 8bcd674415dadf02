package org.dossier.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event type round-trips through the wire format and its JSON matches the published schema. */
class EventContractTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final UUID ARTICLE = UUID.fromString("3f1c2a9e-8d7b-4c65-9a10-2b3c4d5e6f70");
    private static final OffsetDateTime WHEN = OffsetDateTime.of(2025, 6, 16, 8, 30, 0, 0, ZoneOffset.ofHours(8));

    /** One realistic payload per type; a type added to DossierEvents without one here fails {@link #everyTypeHasASample}. */
    private static final Map<EventType<?>, Object> SAMPLES = Map.of(
            DossierEvents.ARTICLE_STORED, new ArticleStored(ARTICLE, "Talks resumed in London on Monday.",
                    "Talks resume", "https://example.org/a/1", "Example Wire", WHEN, "en",
                    "a".repeat(64), null, List.of(new TextRange(0, 34)), "on Monday"),
            DossierEvents.ARTICLE_ANALYZED, new ArticleAnalyzed(ARTICLE, WHEN, 12, 3),
            DossierEvents.ARTICLE_TIMELINED, new ArticleTimelined(ARTICLE, WHEN, 2),
            DossierEvents.TIMELINE_EVENTS_CHANGED, new TimelineEventsChanged(ARTICLE, WHEN,
                    List.of(UUID.fromString("3f1c2b9e-8a47-4d2f-9b0c-5e6d7a8b9c0d"))),
            DossierEvents.ANALYSIS_RESULTS, new AnalysisResults(ARTICLE, WHEN,
                    List.of(new AnalysisResults.ExtractedStatement(UUID.fromString("00000000-0000-4000-8000-000000000001"),
                            "Kevin Hassett", UUID.fromString("00000000-0000-4000-8000-000000000002"), "PERSON", "said",
                            "talks would go on", "Kevin Hassett said talks would go on", false, new TextRange(0, 36), null,
                            java.time.LocalDate.of(2025, 6, 10), java.time.LocalDate.of(2025, 6, 10), "DAY",
                            List.of(UUID.fromString("00000000-0000-4000-8000-000000000003")),
                            new TextRange(19, 36), new TextRange(14, 18), new TextRange(0, 13))),
                    List.of(new AnalysisResults.ExtractedEventMention(UUID.fromString("00000000-0000-4000-8000-000000000004"),
                            "TALKS", "talks", "Talks in London", java.time.LocalDate.of(2025, 6, 9),
                            java.time.LocalDate.of(2025, 6, 10), "DAY", false, List.of(), List.of(), List.of(),
                            "Talks resumed in London on Monday.", new TextRange(0, 34)))),
            DossierEvents.ANALYSIS_FAILED, new ArticleProcessingFailed(ARTICLE, "analysis", "text is missing", WHEN));

    static Stream<EventType<?>> types() {
        return DossierEvents.ALL.stream();
    }

    @Test
    void everyTypeHasASample() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(DossierEvents.ALL);
    }

    @ParameterizedTest
    @MethodSource("types")
    void roundTripsAndMatchesItsSchema(EventType<?> type) throws Exception {
        Object payload = SAMPLES.get(type);
        String wire = CODEC.write(envelope(type, payload));

        CloudEvent read = CODEC.read(wire);
        assertThat(read.type()).isEqualTo(type.name());
        assertThat(read.subject()).isEqualTo(ARTICLE.toString());
        assertThat(CODEC.payload(read, type)).isEqualTo(payload);

        JsonNode tree = CODEC.mapper().readTree(wire);
        assertThat(violations("schemas/cloudevent.schema.json", tree)).isEmpty();
        assertThat(violations(type.schemaResource(), tree.get("data"))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemaRejectsAPayloadWithoutItsRequiredFields(EventType<?> type) throws Exception {
        JsonNode empty = CODEC.mapper().readTree("{}");
        assertThat(violations(type.schemaResource(), empty)).isNotEmpty();
    }

    @Test
    void timesKeepTheirOffset() {
        CloudEvent event = envelope(DossierEvents.ARTICLE_ANALYZED, SAMPLES.get(DossierEvents.ARTICLE_ANALYZED));
        assertThat(CODEC.write(event)).contains("\"analyzedAt\":\"2025-06-16T08:30:00+08:00\"");
    }

    @Test
    void olderConsumerAcceptsANewerPayloadWithExtraFields() {
        String wire = CODEC.write(envelope(DossierEvents.ARTICLE_TIMELINED, SAMPLES.get(DossierEvents.ARTICLE_TIMELINED)))
                .replace("\"eventCount\":2", "\"eventCount\":2,\"addedLater\":true");
        assertThat(CODEC.payload(CODEC.read(wire), DossierEvents.ARTICLE_TIMELINED).eventCount()).isEqualTo(2);
    }

    @Test
    void malformedMessagesAreNamed() {
        assertThatThrownBy(() -> CODEC.read("{not json")).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("not a CloudEvents JSON envelope");
        assertThatThrownBy(() -> CODEC.read("{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"s\",\"type\":\"t\"}"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("specversion");
        assertThatThrownBy(() -> CODEC.read(" ")).isInstanceOf(MalformedEventException.class);
        CloudEvent analyzed = envelope(DossierEvents.ARTICLE_ANALYZED, SAMPLES.get(DossierEvents.ARTICLE_ANALYZED));
        assertThatThrownBy(() -> CODEC.payload(analyzed, DossierEvents.ARTICLE_STORED))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("expected dossier.article.stored.v1");
    }

    @SuppressWarnings("unchecked")
    private static <T> CloudEvent envelope(EventType<T> type, Object payload) {
        return CODEC.envelope(type, "/test", ARTICLE.toString(), (T) payload);
    }

    private static Set<ValidationMessage> violations(String schemaResource, JsonNode node) throws Exception {
        try (InputStream in = EventContractTest.class.getClassLoader().getResourceAsStream(schemaResource)) {
            assertThat(in).as("schema %s on the classpath", schemaResource).isNotNull();
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
            return schema.validate(node);
        }
    }
}
