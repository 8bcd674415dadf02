package org.dossier.gateway.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

@Type("PageInfo")
@Description("Relay page information: pass endCursor as 'after' to get the next page.")
public record PageInfo(boolean hasNextPage, String endCursor) {
}
