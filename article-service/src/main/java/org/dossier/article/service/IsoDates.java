package org.dossier.article.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** ISO-8601 as the API accepts it: a date-time with offset ({@code 2025-06-16T08:30:00+08:00}) or a calendar date (UTC midnight). */
public final class IsoDates {
    private IsoDates() {
    }

    /** Null for null or blank; otherwise the time, or an error naming the field. */
    public static OffsetDateTime parse(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v);
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(v).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notDate) {
                throw new InvalidSubmissionException(field, field + " is not an ISO-8601 date-time with offset or calendar date: " + v);
            }
        }
    }
}
