package org.dossier.gateway.graphql;

import org.dossier.gateway.client.EntityRecord;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

@Type("Organization")
@Description("An organisation: a news outlet, a government body, a company.")
public class Organization extends EntityBase implements Entity {

    public Organization(EntityRecord record) {
        super(record);
    }
}
