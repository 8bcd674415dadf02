package org.dossier.entity.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A statement as the internal API serves it; span offsets point into the article's stored text. The parts' offsets
 * (content, cue, attributedTo) are null where the text has no such part.
 */
public record StatementView(UUID id, UUID articleId, String attributedTo, UUID speakerId, String speakerKind, String cue,
                            String content, String quote, boolean direct, int spanStart, int spanEnd, UUID reportedById,
                            LocalDate saidFrom, LocalDate saidTo, String saidGranularity, List<UUID> about,
                            OffsetDateTime publishedAt, Integer contentStart, Integer contentEnd, Integer cueStart,
                            Integer cueEnd, Integer attributedToStart, Integer attributedToEnd) {
}
