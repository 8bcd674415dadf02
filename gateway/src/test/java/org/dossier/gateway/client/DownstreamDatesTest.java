package org.dossier.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * The gateway's readers of the services' dates give what Jackson's java.time module gives, value for value and
 * failure for failure, on the services' shapes, near misses and impossible dates. Jackson alone.
 */
class DownstreamDatesTest {

    private static final ObjectMapper JACKSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final ObjectMapper OURS = withOurs(new ObjectMapper().registerModule(new JavaTimeModule()));

    private static ObjectMapper withOurs(ObjectMapper mapper) {
        new DownstreamDates().customize(mapper);
        return mapper;
    }

    /** The value read, or the kind of failure. */
    private static Object read(ObjectMapper mapper, String text, Class<?> type) {
        try {
            return mapper.readValue(mapper.writeValueAsString(text), type);
        } catch (Exception e) {
            return e.getClass();
        }
    }

    private static String digits(Random random, int count, int max) {
        return String.format("%0" + count + "d", random.nextInt(max));
    }

    private static List<String> candidates(Random random) {
        List<String> texts = new ArrayList<>(List.of("", "2025-06-10", "2025-6-10", "2025-06-1", "2025-02-29", "2024-02-29",
                "2025-13-01", "0000-01-01", "+10000-01-01", "2025/06/10", "2025-06-10T08:00:00Z", "2025-06-10T08:00:00z",
                "2025-06-10T08:00Z", "2025-06-10T24:00:00Z", "2025-06-10T23:59:60Z", "2025-06-10T08:00:00.Z",
                "2025-06-10T08:00:00.1234567891Z", "2025-06-10T08:00:00+02:00", "2025-06-10T08:00:00.5+00:00",
                "2025-06-10 08:00:00Z", "2025-06-10T08:00:00", "2025-06-10T08:00:00.000000001Z", "-025-06-10"));
        for (int i = 0; i < 5_000; i++) {
            String day = digits(random, 4, 10_000) + "-" + digits(random, 2, 14) + "-" + digits(random, 2, 33);
            String time = digits(random, 2, 26) + ":" + digits(random, 2, 61) + ":" + digits(random, 2, 62);
            // one to nine digits, leading zeros included
            String fraction = random.nextBoolean() ? ""
                    : "." + String.valueOf(1_000_000_000 + random.nextInt(1_000_000_000)).substring(1, 2 + random.nextInt(9));
            texts.add(day);
            texts.add(day + "T" + time + fraction + "Z");
            texts.add(day + "T" + time + fraction + (random.nextBoolean() ? "+01:00" : "-00:30"));
        }
        return texts;
    }

    @Test
    void reads_as_jackson_reads() {
        for (String text : candidates(new Random(42))) {
            assertThat(read(OURS, text, LocalDate.class)).as(text).isEqualTo(read(JACKSON, text, LocalDate.class));
            assertThat(read(OURS, text, OffsetDateTime.class)).as(text).isEqualTo(read(JACKSON, text, OffsetDateTime.class));
        }
    }

    @Test
    void the_services_shapes_are_read_directly() {
        assertThat(DownstreamDates.day("2025-06-10")).isEqualTo(LocalDate.of(2025, 6, 10));
        assertThat(DownstreamDates.utcTime("2025-10-30T09:00:00Z")).isEqualTo(OffsetDateTime.parse("2025-10-30T09:00:00Z"));
        assertThat(DownstreamDates.utcTime("2026-11-23T09:07:56.606762Z")).isEqualTo(OffsetDateTime.parse("2026-11-23T09:07:56.606762Z"));
        assertThat(DownstreamDates.utcTime("2025-06-10T08:00:00+02:00")).isNull(); // Jackson's, moved to UTC
    }

    @Test
    void a_mapper_in_another_zone_still_gets_jacksons_adjustment() {
        TimeZone paris = TimeZone.getTimeZone("Europe/Paris");
        ObjectMapper jackson = new ObjectMapper().registerModule(new JavaTimeModule()).setTimeZone(paris);
        ObjectMapper ours = withOurs(new ObjectMapper().registerModule(new JavaTimeModule()).setTimeZone(paris));
        String text = "2025-06-10T08:00:00Z";
        assertThat(read(ours, text, OffsetDateTime.class)).isEqualTo(read(jackson, text, OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.parse("2025-06-10T10:00:00+02:00"));
    }
}
