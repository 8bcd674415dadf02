package org.dossier.language.model;

import java.util.List;

/** Something that happened (or is to happen), as one sentence reports it, for the timeline. */
public record EventMention(EventKind kind, String trigger, String label, DateRange when, List<String> participantKeys,
                           List<String> placeKeys, List<String> controlKeys, String quote, Span span) {
}
