package org.dossier.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** timeline-service's view of a merged event. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TimelineEventRecord(UUID id, String kind, String label, LocalDate start, LocalDate end, String granularity,
                                  double confidence, List<UUID> participants, List<UUID> places, List<UUID> controls,
                                  List<Source> sources) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(UUID articleId, String quote, int spanStart, int spanEnd) {
    }
}
