package org.dossier.language.model;

import java.util.List;

/** Everything the language pipeline read from one article. */
public record Analysis(String engine, int tokenCount, List<CanonicalEntity> entities, List<Mention> mentions,
                       List<Statement> statements, List<TimeExpression> times, List<EventMention> events,
                       List<String> notes) {
}
