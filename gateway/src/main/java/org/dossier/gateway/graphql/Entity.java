package org.dossier.gateway.graphql;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;

@Interface("Entity")
@Description("A real-world entity, one per thing whatever the texts call it: a person, organisation, country, place, control or commodity.")
public interface Entity extends Node {

    @NonNull
    @Description("The canonical name.")
    String getName();

    @NonNull
    @Description("What kind of entity this is.")
    Enums.EntityKind getKind();

    @NonNull
    @Description("Other names the texts use for it.")
    List<@NonNull String> getAliases();

    @Description("Its Wikidata item id (Q...), where known.")
    String getWikidataId();
}
