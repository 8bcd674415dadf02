package org.dossier.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** entity-service's view of a statement. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatementRecord(UUID id, UUID articleId, String attributedTo, UUID speakerId, String speakerKind, String cue,
                              String content, String quote, boolean direct, int spanStart, int spanEnd, UUID reportedById,
                              LocalDate saidFrom, LocalDate saidTo, String saidGranularity, List<UUID> about,
                              OffsetDateTime publishedAt, Integer contentStart, Integer contentEnd, Integer cueStart,
                              Integer cueEnd, Integer attributedToStart, Integer attributedToEnd) {
}
