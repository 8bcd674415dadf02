package org.dossier.language.model;

import java.util.List;

/**
 * One act of reported speech. {@code attributedTo} is the speaker as written; {@code speakerKey} the resolved entity
 * (null when anonymous); {@code quote} the sentence or quoted passage the statement was read from ({@code span});
 * {@code content} what was said ({@code contentSpan}). {@code cueSpan} and {@code speakerSpan} are where the
 * reporting word and the speaker stand; either is null when the text has none (a continued quote, a speaker known
 * from a transcript's heading).
 */
public record Statement(String attributedTo, String speakerKey, SpeakerKind speakerKind, String cue, String content,
                        String quote, boolean direct, Span span, String reportedByKey, DateRange saidOn,
                        List<String> aboutKeys, Span contentSpan, Span cueSpan, Span speakerSpan) {
}
