package org.dossier.gateway.graphql;

import org.dossier.gateway.client.EntityRecord;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

@Type("Control")
@Description("A trade or export control: an export control, licensing rule, ban, tariff or sanction, as an entity that statements and events point at.")
public class Control extends EntityBase implements Entity {

    public Control(EntityRecord record) {
        super(record);
    }
}
