package org.dossier.gateway.graphql;

import org.dossier.gateway.client.EntityRecord;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

@Type("Commodity")
@Description("An item that controls cover: rare earths, AI chips, ethane.")
public class Commodity extends EntityBase implements Entity {

    public Commodity(EntityRecord record) {
        super(record);
    }
}
