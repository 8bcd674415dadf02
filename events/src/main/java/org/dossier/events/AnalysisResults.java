package org.dossier.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What entity-service read from one article: its statements and event mentions, with entity ids resolved. Published
 * before {@link ArticleAnalyzed} in the same transaction; a re-analysis publishes a complete replacement.
 */
public record AnalysisResults(UUID articleId, OffsetDateTime publishedAt, List<ExtractedStatement> statements,
                              List<ExtractedEventMention> eventMentions) {

    /** One act of reported speech. Entity ids are entity-service ids; speakerId and reportedById may be null. */
    public record ExtractedStatement(UUID id, String attributedTo, UUID speakerId, String speakerKind, String cue,
                                     String content, String quote, boolean direct, TextRange span, UUID reportedById,
                                     LocalDate saidFrom, LocalDate saidTo, String saidGranularity, List<UUID> about,
                                     TextRange contentSpan, TextRange cueSpan, TextRange attributedToSpan) {
    }

    /**
     * A dated happening as one sentence reports it, for the timeline. {@code dateInferred}: the sentence gave no date
     * and the range was inferred (from the article or its publication day); a merge prefers stated dates.
     */
    public record ExtractedEventMention(UUID id, String kind, String trigger, String label, LocalDate start,
                                        LocalDate end, String granularity, boolean dateInferred, List<UUID> participants, List<UUID> places,
                                        List<UUID> controls, String quote, TextRange span) {
    }
}
