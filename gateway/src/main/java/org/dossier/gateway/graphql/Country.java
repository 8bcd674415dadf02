package org.dossier.gateway.graphql;

import org.dossier.gateway.client.EntityRecord;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

@Type("Country")
@Description("A country (or the European Union); speaking, it stands for its government.")
public class Country extends EntityBase implements Entity {

    public Country(EntityRecord record) {
        super(record);
    }
}
