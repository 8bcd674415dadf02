package org.dossier.gateway.graphql;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A stage of the pipeline that gave up on an article, and why.")
public record ProcessingFailure(
        @NonNull @Description("The stage that gave up, `analysis` (entity-service) or `timeline` (timeline-service).") String stage,
        @NonNull @Description("Why, in words an operator can act on.") String reason,
        @Description("When it gave up.") OffsetDateTime at) {
}
