package org.dossier.language.model;

import java.util.List;

/**
 * One act of reported speech. {@code attributedTo} is the speaker as written; {@code speakerKey} the resolved entity
 * (null when anonymous); {@code quote} the sentence text the statement was read from; {@code content} what was said.
 */
public record Statement(String attributedTo, String speakerKey, SpeakerKind speakerKind, String cue, String content,
                        String quote, boolean direct, Span span, String reportedByKey, DateRange saidOn,
                        List<String> aboutKeys) {
}
