package org.dossier.gateway.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Where an article stands in the pipeline: stored by article-service, analysed by entity-service, placed on the timeline.")
public record Processing(
        @NonNull @Description("The article is stored (always true for an article that exists).") boolean stored,
        @NonNull @Description("Its entities, statements and event mentions have been extracted.") boolean analyzed,
        @NonNull @Description("Its event mentions have been merged into the timeline.") boolean timelined) {
}
