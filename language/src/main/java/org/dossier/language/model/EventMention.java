package org.dossier.language.model;

import java.util.List;

/**
 * Something that happened (or is to happen), as one sentence reports it, for the timeline. {@code dateInferred}: the
 * sentence gave no date of its own and {@code when} was inferred (from the article or its publication day).
 */
public record EventMention(EventKind kind, String trigger, String label, DateRange when, boolean dateInferred,
                           List<String> participantKeys,
                           List<String> placeKeys, List<String> controlKeys, String quote, Span span) {
}
