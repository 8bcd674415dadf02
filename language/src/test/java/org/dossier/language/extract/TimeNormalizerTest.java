package org.dossier.language.extract;

import org.dossier.language.model.DateRange;
import org.dossier.language.model.Granularity;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TimeNormalizerTest {

    private static final LocalDate PUBLISHED = LocalDate.of(2025, 6, 16);

    @Test
    void monthWeekQuarterAndYearBecomeRanges() {
        assertThat(TimeNormalizer.normalize("2025-05", "last month", PUBLISHED))
                .isEqualTo(new DateRange(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31), Granularity.MONTH));
        assertThat(TimeNormalizer.normalize("2025-W23", "last week", PUBLISHED))
                .isEqualTo(new DateRange(LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 8), Granularity.WEEK));
        assertThat(TimeNormalizer.normalize("2025-Q3", "the third quarter", PUBLISHED))
                .isEqualTo(new DateRange(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 30), Granularity.QUARTER));
        assertThat(TimeNormalizer.normalize("2024", "2024", PUBLISHED).granularity()).isEqualTo(Granularity.YEAR);
    }

    @Test
    void aDateWithoutAWrittenYearTakesTheYearClosestToPublication() {
        // The engine sometimes resolves "August 10th" to the previous year.
        assertThat(TimeNormalizer.normalize("2024-08-10", "August 10th", PUBLISHED))
                .isEqualTo(DateRange.day(LocalDate.of(2025, 8, 10)));
        assertThat(TimeNormalizer.normalize("XXXX-01-05", "January 5", LocalDate.of(2025, 12, 20)))
                .isEqualTo(DateRange.day(LocalDate.of(2026, 1, 5)));
        // A written year is kept as written.
        assertThat(TimeNormalizer.normalize("2023-08-10", "August 10, 2023", PUBLISHED))
                .isEqualTo(DateRange.day(LocalDate.of(2023, 8, 10)));
    }

    @Test
    void presentAndTimesOfDayAreDays() {
        assertThat(TimeNormalizer.normalize("PRESENT_REF", "today", PUBLISHED)).isEqualTo(DateRange.day(PUBLISHED));
        assertThat(TimeNormalizer.normalize("2025-06-10T10:00", "10 a.m. on Tuesday", PUBLISHED))
                .isEqualTo(DateRange.day(LocalDate.of(2025, 6, 10)));
    }

    @Test
    void durationsAndUnknownValuesAreNotDates() {
        assertThat(TimeNormalizer.normalize("P90D", "90 days", PUBLISHED)).isNull();
        assertThat(TimeNormalizer.normalize("PRESENT_REF", "now", null)).isNull();
        assertThat(TimeNormalizer.normalize(null, "x", PUBLISHED)).isNull();
        assertThat(TimeNormalizer.normalize("2025-02-30", "February 30", PUBLISHED)).isNull();
        assertThat(TimeNormalizer.normalize("99999", "the year 99999", PUBLISHED)).isNull();
    }

    @Test
    void weekdaysAndWeekendsFollowTheTense() {
        LocalDate wednesday = LocalDate.of(2025, 7, 16);
        DateRange engine = DateRange.day(LocalDate.of(2025, 7, 15));
        assertThat(TimeNormalizer.byTense(engine, "Tuesday", TimeNormalizer.Tense.PAST, wednesday))
                .isEqualTo(DateRange.day(LocalDate.of(2025, 7, 15)));
        assertThat(TimeNormalizer.byTense(engine, "Tuesday", TimeNormalizer.Tense.FUTURE, wednesday))
                .isEqualTo(DateRange.day(LocalDate.of(2025, 7, 22)));
        assertThat(TimeNormalizer.byTense(engine, "Wednesday", TimeNormalizer.Tense.PAST, wednesday))
                .as("the publication day itself").isEqualTo(DateRange.day(wednesday));
        assertThat(TimeNormalizer.byTense(engine, "last Wednesday", TimeNormalizer.Tense.UNKNOWN, wednesday))
                .isEqualTo(DateRange.day(LocalDate.of(2025, 7, 9)));
        assertThat(TimeNormalizer.byTense(engine, "the weekend", TimeNormalizer.Tense.PAST, wednesday))
                .isEqualTo(new DateRange(LocalDate.of(2025, 7, 12), LocalDate.of(2025, 7, 13), Granularity.WEEK));
        // A calendar date, or no tense to go by: the engine's reading stands.
        assertThat(TimeNormalizer.byTense(engine, "Tuesday, July 15", TimeNormalizer.Tense.FUTURE, wednesday)).isEqualTo(engine);
        assertThat(TimeNormalizer.byTense(engine, "Tuesday", TimeNormalizer.Tense.UNKNOWN, wednesday)).isEqualTo(engine);
        assertThat(TimeNormalizer.byTense(engine, "Tuesday", TimeNormalizer.Tense.PAST, null)).isEqualTo(engine);
    }
}
