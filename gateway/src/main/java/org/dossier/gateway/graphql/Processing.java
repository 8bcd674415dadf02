package org.dossier.gateway.graphql;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("Where an article stands in the pipeline: stored by article-service, analysed by entity-service, placed on the timeline.")
public record Processing(
        @NonNull @Description("The article is stored (always true for an article that exists).") boolean stored,
        @NonNull @Description("Its entities, statements and event mentions have been extracted.") boolean analyzed,
        @NonNull @Description("Its event mentions have been merged into the timeline.") boolean timelined,
        @Description("When its analysis was stored; null until it is.") OffsetDateTime analyzedAt,
        @Description("When it was placed on the timeline; null until it is.") OffsetDateTime timelinedAt,
        @NonNull @Description("The stages that gave up on the article, each with its reason (over the analysis size limit, "
                + "say); empty while none has. A stage that gave up does not retry on its own.")
        List<@NonNull ProcessingFailure> failures) {
}
