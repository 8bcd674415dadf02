package org.dossier.gateway.graphql;

import io.smallrye.graphql.api.Union;
import org.eclipse.microprofile.graphql.Description;

@Union("EntityTimelineItem")
@Description("An entry of an entity's timeline: an event it took part in, or a statement it made.")
public interface EntityTimelineItem {
}
