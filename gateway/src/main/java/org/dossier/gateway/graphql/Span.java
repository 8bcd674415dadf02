package org.dossier.gateway.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

@Type("Span")
@Description("Character offsets [start, end) into the article's stored text.")
public record Span(int start, int end) {
}
