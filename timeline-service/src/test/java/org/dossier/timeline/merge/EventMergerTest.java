package org.dossier.timeline.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dossier.timeline.merge.EventMerger.Dates;
import org.dossier.timeline.merge.EventMerger.Granularity;
import org.dossier.timeline.merge.EventMerger.Happening;
import org.junit.jupiter.api.Test;

class EventMergerTest {

    private static final UUID LONDON = UUID.randomUUID();
    private static final UUID GENEVA = UUID.randomUUID();
    private static final UUID US = UUID.randomUUID();
    private static final UUID CN = UUID.randomUUID();
    private static final UUID TRUMP = UUID.randomUUID();

    private static Dates day(int month, int day) {
        LocalDate d = LocalDate.of(2025, month, day);
        return new Dates(d, d, Granularity.DAY, false);
    }

    @Test
    void talksInTheSamePlaceOnAdjacentDaysAreOneEvent() {
        UUID event = UUID.randomUUID();
        var existing = Map.of(event, new Happening("TALKS", day(6, 9), Set.of(US, CN), Set.of(LONDON)));
        assertThat(EventMerger.bestMatch(new Happening("TALKS", day(6, 10), Set.of(), Set.of(LONDON)), existing))
                .hasValueSatisfying(m -> {
                    assertThat(m.eventId()).isEqualTo(event);
                    assertThat(m.reason()).contains("same place");
                });
        // A different place, kind or week is another event.
        assertThat(EventMerger.bestMatch(new Happening("TALKS", day(6, 10), Set.of(US, CN), Set.of(GENEVA)), existing)).isEmpty();
        assertThat(EventMerger.bestMatch(new Happening("MEETING", day(6, 9), Set.of(US, CN), Set.of(LONDON)), existing)).isEmpty();
        assertThat(EventMerger.bestMatch(new Happening("TALKS", day(6, 20), Set.of(US, CN), Set.of(LONDON)), existing)).isEmpty();
    }

    @Test
    void withoutAPlaceTwoSharedParticipantsAreNeeded() {
        UUID event = UUID.randomUUID();
        var existing = Map.of(event, new Happening("CALL", day(6, 6), Set.of(TRUMP, CN), Set.of()));
        assertThat(EventMerger.bestMatch(new Happening("CALL", day(6, 6), Set.of(TRUMP, CN, US), Set.of()), existing)).isPresent();
        assertThat(EventMerger.bestMatch(new Happening("CALL", day(6, 6), Set.of(CN), Set.of()), existing)).isEmpty();
    }

    @Test
    void aMorePreciseStatedDateNarrowsTheEventAndInferredDatesGiveWay() {
        Dates lastWeek = new Dates(LocalDate.of(2025, 6, 9), LocalDate.of(2025, 6, 15), Granularity.WEEK, false);
        Dates guessed = new Dates(LocalDate.of(2025, 6, 15), LocalDate.of(2025, 6, 16), Granularity.DAY, true);
        assertThat(EventMerger.combine(java.util.List.of(lastWeek, guessed))).isEqualTo(lastWeek);
        assertThat(EventMerger.combine(java.util.List.of(lastWeek, guessed, day(6, 10), day(6, 9))))
                .isEqualTo(new Dates(LocalDate.of(2025, 6, 9), LocalDate.of(2025, 6, 10), Granularity.DAY, false));
        assertThat(EventMerger.combine(java.util.List.of(guessed)).inferred()).isTrue();
    }
}
