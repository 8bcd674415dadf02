package org.dossier.gateway.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Dates in the services' answers, read without {@link java.time.format.DateTimeFormatter}.
 * <p>
 * The services write dates in one shape each: {@code 2025-06-10} and {@code 2025-06-10T08:00:00Z} (fraction of a second
 * optional). Jackson parses them with the general ISO formatters, which build a field map and resolve it for every
 * value: 4–5% of the gateway's CPU on the flagship query, whose answers carry a few thousand dates. Those two shapes are
 * read here directly, to the same value Jackson gives; anything else (another offset, a malformed or impossible date)
 * goes to Jackson's own deserializer, which reads or rejects it as before.
 */
@Singleton
public class DownstreamDates implements ObjectMapperCustomizer {

    @Override
    public int priority() {
        return MINIMUM_PRIORITY; // last: after Quarkus' own customizers, which register Jackson's java.time module
    }

    @Override
    public void customize(ObjectMapper mapper) {
        // A module registered later takes precedence over Jackson's own java.time module.
        mapper.registerModule(new SimpleModule("dossier-downstream-dates")
                .addDeserializer(LocalDate.class, new Days())
                .addDeserializer(OffsetDateTime.class, new UtcTimes()));
    }

    static final class Days extends StdScalarDeserializer<LocalDate> {

        Days() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                LocalDate day = day(parser.getText());
                if (day != null) {
                    return day;
                }
            }
            return LocalDateDeserializer.INSTANCE.deserialize(parser, context);
        }
    }

    static final class UtcTimes extends StdScalarDeserializer<OffsetDateTime> {

        UtcTimes() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            // Jackson moves a time to the context's zone (UTC unless configured): a UTC time stays as it is.
            boolean staysUtc = !context.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                    || context.getTimeZone().getRawOffset() == 0 && !context.getTimeZone().observesDaylightTime();
            if (staysUtc && parser.hasToken(JsonToken.VALUE_STRING)) {
                OffsetDateTime time = utcTime(parser.getText());
                if (time != null) {
                    return time;
                }
            }
            return InstantDeserializer.OFFSET_DATE_TIME.deserialize(parser, context);
        }
    }

    /** {@code yyyy-MM-dd} as a date; null for any other text or an impossible date. */
    static LocalDate day(String text) {
        return text.length() == 10 ? day(text, 0) : null;
    }

    /** {@code yyyy-MM-dd} at {@code from} in the text as a date; null if it is not there or impossible. */
    private static LocalDate day(String text, int from) {
        if (text.charAt(from + 4) != '-' || text.charAt(from + 7) != '-') {
            return null;
        }
        int year = digits(text, from, from + 4);
        int month = digits(text, from + 5, from + 7);
        int day = digits(text, from + 8, from + 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} as a UTC time; null for any other text or an impossible time. */
    static OffsetDateTime utcTime(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(10) != 'T' || text.charAt(length - 1) != 'Z'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        LocalDate day = day(text, 0);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (day == null || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = digits(text, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        try {
            return OffsetDateTime.of(day.getYear(), day.getMonthValue(), day.getDayOfMonth(), hour, minute, second, nanos,
                    ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The ASCII digits of text[from, to) as a number, or -1 if any is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
