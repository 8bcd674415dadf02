package org.dossier.gateway.graphql;

import org.dossier.gateway.client.EntityRecord;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

@Type("Person")
@Description("A person: an official, a spokesperson, anyone the texts quote or name.")
public class Person extends EntityBase implements Entity {

    public Person(EntityRecord record) {
        super(record);
    }
}
