package org.dossier.gateway.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;

@Interface
@Description("An object with a global, opaque, stable id, fetchable with node(id:).")
public interface Node {
    @Id
    @NonNull
    String getId();
}
