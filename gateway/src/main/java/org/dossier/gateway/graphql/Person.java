package org.dossier.gateway.graphql;

import java.util.List;
import org.dossier.gateway.client.EntityRecord;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Person")
@Description("A person: an official, a spokesperson, anyone the texts quote or name.")
public class Person extends EntityBase implements Entity {

    public Person(EntityRecord record) {
        super(record);
    }

    // A getter, not a batched field: the posts come with the person's record.
    @NonNull
    @Description("Posts held, with their dates.")
    public List<@NonNull Role> getRoles() {
        return record().roles() == null ? List.of() : record().roles().stream()
                .map(r -> new Role(r.title(), r.organizationId(), r.from(), r.to())).toList();
    }
}
