package org.dossier.gateway.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("EventSource")
@Description("An article that reports a timeline event, and the passage that does.")
public record EventSource(@NonNull Article article, @NonNull String quote, Span span) {
}
