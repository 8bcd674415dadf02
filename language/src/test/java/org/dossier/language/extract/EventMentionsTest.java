package org.dossier.language.extract;

import org.dossier.language.model.Analysis;
import org.dossier.language.model.DateRange;
import org.dossier.language.model.EventKind;
import org.dossier.language.model.EventMention;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Events, their kinds and dates as news writes them, on sentences of our own, through the real engine. */
class EventMentionsTest {

    /** A Monday. */
    private static final LocalDate MONDAY = LocalDate.of(2025, 8, 11);

    private static EventMention only(Analysis a, EventKind kind) {
        return a.events().stream().filter(e -> e.kind() == kind).findFirst().orElseThrow(
                () -> new AssertionError("no " + kind + " event in " + a.events()));
    }

    @Test
    void aWeekdayToldInThePastIsTheLastSuchDay() {
        Analysis a = TestAnalyzer.get().analyze("Trade officials of the two countries met in Oslo on Sunday night.", null, MONDAY);
        assertThat(only(a, EventKind.MEETING).when()).isEqualTo(DateRange.day(LocalDate.of(2025, 8, 10)));
    }

    @Test
    void aWeekdayToldInTheFutureIsTheNextSuchDay() {
        Analysis a = TestAnalyzer.get().analyze("Trade officials of the two countries will meet in Oslo on Thursday.", null, MONDAY);
        assertThat(only(a, EventKind.MEETING).when()).isEqualTo(DateRange.day(LocalDate.of(2025, 8, 14)));
    }

    @Test
    void aDealStruckOverTheWeekendIsOnThePastWeekend() {
        Analysis a = TestAnalyzer.get().analyze("The two sides reached an agreement on tariffs over the weekend.", null, MONDAY);
        DateRange when = only(a, EventKind.AGREEMENT).when();
        assertThat(when.start()).isEqualTo(LocalDate.of(2025, 8, 9));
        assertThat(when.end()).isEqualTo(LocalDate.of(2025, 8, 10));
    }

    @Test
    void happeningsDeniedOrMerelyPossibleAreNotEvents() {
        assertThat(TestAnalyzer.get().analyze("There is no sign that the ministry has approved the licences.", null, MONDAY).events())
                .noneMatch(e -> e.kind() == EventKind.LICENCE_DECISION);
        assertThat(TestAnalyzer.get().analyze("Nothing has been agreed between the two delegations.", null, MONDAY).events())
                .noneMatch(e -> e.kind() == EventKind.AGREEMENT);
        assertThat(TestAnalyzer.get().analyze("Officials said the ministry could impose new duties on steel.", null, MONDAY).events())
                .noneMatch(e -> e.kind() == EventKind.CONTROL_IMPOSED);
        assertThat(TestAnalyzer.get().analyze("Both sides discussed a possible extension of the truce deadline of October 3.",
                null, MONDAY).events()).extracting(EventMention::kind).containsExactly(EventKind.DEADLINE);
        assertThat(TestAnalyzer.get().analyze("The ministry imposed new duties on steel on Friday.", null, MONDAY).events())
                .anyMatch(e -> e.kind() == EventKind.CONTROL_IMPOSED && e.when().equals(DateRange.day(LocalDate.of(2025, 8, 8))));
    }

    @Test
    void kindsFitTheHappening() {
        Analysis a = TestAnalyzer.get().analyze("On Friday the agency suspended the new port fees for a year, and the president "
                + "signed an executive order extending the truce.", null, MONDAY);
        assertThat(a.events()).extracting(EventMention::kind)
                .contains(EventKind.SUSPENSION, EventKind.ORDER_SIGNED)
                .doesNotContain(EventKind.CONTROL_IMPOSED);
        Analysis b = TestAnalyzer.get().analyze("The commerce department added nine companies to its entity list on Friday.", null, MONDAY);
        assertThat(b.events()).extracting(EventMention::kind).contains(EventKind.CONTROL_IMPOSED);
    }

    @Test
    void aStatementIsDatedByItsCueAndNeverAfterPublication() {
        Analysis a = TestAnalyzer.get().analyze("Trade Minister Paulo Reis said on Sunday that the duties would stay.\n"
                + "Reis will say next week that talks are over.", null, MONDAY);
        assertThat(a.statements()).anySatisfy(s -> {
            assertThat(s.content()).contains("the duties would stay");
            assertThat(s.saidOn()).isEqualTo(DateRange.day(LocalDate.of(2025, 8, 10)));
        });
        assertThat(a.statements()).allSatisfy(s -> assertThat(s.saidOn().end()).isBeforeOrEqualTo(MONDAY));
    }

    @Test
    void impossibleAndCountlessDatesDateNothingImpossibly() {
        StringBuilder text = new StringBuilder("The ministers met on February 30 and will meet again in the year 99999. ");
        for (int i = 0; i < 2_000; i++) {
            text.append(i % 2 == 0 ? "They met on Tuesday. " : "Talks resumed on March ").append(i % 2 == 0 ? "" : (1 + i % 28) + ". ");
        }
        Analysis a = TestAnalyzer.get().analyze(text.toString(), null, null);
        assertThat(a.events()).allSatisfy(e -> {
            assertThat(e.when().start().getYear()).isBetween(1900, 2100);
            assertThat(e.when().start()).isBeforeOrEqualTo(e.when().end());
        });
        assertThat(a.statements()).allSatisfy(s -> assertThat(s.saidOn()).isNull());
    }
}
