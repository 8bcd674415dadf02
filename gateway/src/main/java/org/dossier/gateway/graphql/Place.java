package org.dossier.gateway.graphql;

import org.dossier.gateway.client.EntityRecord;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

@Type("Place")
@Description("A city or region where things happen.")
public class Place extends EntityBase implements Entity {

    public Place(EntityRecord record) {
        super(record);
    }
}
