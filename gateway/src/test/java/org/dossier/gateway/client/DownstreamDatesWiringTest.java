package org.dossier.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The mapper the REST clients read the services' answers with uses the gateway's date readers, not Jackson's. */
@QuarkusTest
class DownstreamDatesWiringTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void the_application_mapper_reads_dates_with_ours() throws Exception {
        DefaultDeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null);
        assertThat(context.findRootValueDeserializer(mapper.constructType(LocalDate.class)))
                .isInstanceOf(DownstreamDates.Days.class);
        assertThat(context.findRootValueDeserializer(mapper.constructType(OffsetDateTime.class)))
                .isInstanceOf(DownstreamDates.UtcTimes.class);
        assertThat(mapper.readValue("\"2025-06-10T08:00:00+02:00\"", OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.parse("2025-06-10T06:00:00Z"));
    }
}
