package org.dossier.entity.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.BadRequestException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dossier.entity.api.StatementView;
import org.dossier.entity.repository.AnalysisRepository;
import org.junit.jupiter.api.Test;

/** Pages of statements with only the fields asked for. */
class StatementFieldsTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    private static StatementView statement(int n) {
        return new StatementView(UUID.randomUUID(), UUID.randomUUID(), "the minister", UUID.randomUUID(), "PERSON", "said",
                "licences will be needed " + n, "The minister said licences will be needed " + n, n % 2 == 0, 10, 60,
                null, LocalDate.of(2025, 4, 16), LocalDate.of(2025, 4, 16), "DAY", List.of(UUID.randomUUID()),
                OffsetDateTime.parse("2025-04-16T16:00:00Z"), 28, 60, 23, 27, 10, 22);
    }

    private Map<UUID, AnalysisRepository.Page<StatementView>> pages() {
        List<StatementView> items = new ArrayList<>(List.of(statement(1), statement(2)));
        return Map.of(UUID.randomUUID(), new AnalysisRepository.Page<>(items, List.of("c1", "c2"), 7, "c2", true));
    }

    @Test
    void onlyTheFieldsAskedForAreWrittenAndCursorsOnlyIfAsked() throws Exception {
        var pages = pages();
        JsonNode all = mapper.readTree(mapper.writeValueAsBytes(pages));
        JsonNode some = mapper.readTree(new StatementFields(mapper).write(pages, Set.of("id", "cue", "direct", "about"), false));

        JsonNode page = some.elements().next();
        assertThat(page.has("cursors")).isFalse();
        assertThat(page.get("endCursor").asText()).isEqualTo("c2");
        assertThat(page.get("totalCount").asLong()).isEqualTo(7);
        assertThat(page.get("hasNextPage").asBoolean()).isTrue();
        for (int i = 0; i < 2; i++) {
            JsonNode written = page.get("items").get(i);
            JsonNode whole = all.elements().next().get("items").get(i);
            assertThat(written.size()).isEqualTo(4);
            for (String field : List.of("id", "cue", "direct", "about")) {
                assertThat(written.get(field)).as(field).isEqualTo(whole.get(field));
            }
        }

        JsonNode everything = mapper.readTree(new StatementFields(mapper).write(pages, StatementFields.ALL, true));
        assertThat(everything).as("all fields and cursors: the same text as without the filter").isEqualTo(all);
        assertThat(StatementFields.ALL).hasSize(StatementView.class.getRecordComponents().length).contains("quote", "spanStart");
    }

    @Test
    void theFilterDoesNotReachTheServicesOtherWrites() throws Exception {
        new StatementFields(mapper).write(pages(), Set.of("id"), false);
        JsonNode plain = mapper.readTree(mapper.writeValueAsBytes(statement(3)));
        assertThat(plain.size()).isEqualTo(StatementFields.ALL.size());
    }

    @Test
    void anUnknownFieldIsABadRequestThatNamesIt() {
        assertThat(StatementFields.wanted(null)).isNull();
        assertThat(StatementFields.wanted(List.of("id", "content"))).containsExactlyInAnyOrder("id", "content");
        assertThatThrownBy(() -> StatementFields.wanted(List.of("id", "speech")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("[speech]");
    }
}
