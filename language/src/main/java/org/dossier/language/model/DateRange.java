package org.dossier.language.model;

import java.time.LocalDate;

/** A span of days, both ends inclusive, with the precision the text gave. */
public record DateRange(LocalDate start, LocalDate end, Granularity granularity) {

    public static DateRange day(LocalDate d) {
        return new DateRange(d, d, Granularity.DAY);
    }
}
