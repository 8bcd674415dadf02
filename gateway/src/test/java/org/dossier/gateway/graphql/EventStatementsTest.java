package org.dossier.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.dossier.gateway.client.StatementRecord;
import org.dossier.gateway.client.TimelineEventRecord;
import org.junit.jupiter.api.Test;

/** Which statements of an event's articles belong to the event: said while it happened, or about its controls. */
class EventStatementsTest {

    private static final UUID TARIFF = UUID.randomUUID();
    private static final TimelineEventRecord TALKS = new TimelineEventRecord(UUID.randomUUID(), "TALKS", "Talks in London",
            LocalDate.of(2025, 6, 9), LocalDate.of(2025, 6, 10), "DAY", 1.0, List.of(), List.of(), List.of(TARIFF), List.of());

    private static StatementRecord said(LocalDate from, LocalDate to, List<UUID> about) {
        return new StatementRecord(UUID.randomUUID(), UUID.randomUUID(), "the minister", null, "PERSON", "said", "talks went well",
                "", false, 0, 10, null, from, to, from == null ? null : "DAY", about, OffsetDateTime.parse("2025-06-11T08:00:00Z"),
                null, null, null, null, null, null);
    }

    @Test
    void saidDuringTheEventOrAboutItsControls() {
        assertThat(NestedFields.saidAtOrAbout(TALKS, said(LocalDate.of(2025, 6, 10), null, List.of()))).isTrue();
        assertThat(NestedFields.saidAtOrAbout(TALKS, said(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30), List.of()))).isTrue();
        assertThat(NestedFields.saidAtOrAbout(TALKS, said(LocalDate.of(2025, 6, 12), null, List.of()))).isFalse();
        assertThat(NestedFields.saidAtOrAbout(TALKS, said(LocalDate.of(2025, 6, 12), null, List.of(TARIFF)))).isTrue();
        assertThat(NestedFields.saidAtOrAbout(TALKS, said(null, null, List.of()))).isFalse();
    }
}
