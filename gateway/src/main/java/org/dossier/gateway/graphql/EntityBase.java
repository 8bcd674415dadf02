package org.dossier.gateway.graphql;

import java.util.List;
import org.dossier.gateway.client.EntityRecord;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** What every entity type shares; the downstream record stays available to the batch resolvers. */
public abstract class EntityBase implements Entity {

    private final EntityRecord record;

    protected EntityBase(EntityRecord record) {
        this.record = record;
    }

    /** The downstream record (not a GraphQL field: not a getter). */
    public EntityRecord record() {
        return record;
    }

    @Override
    @Id
    @NonNull
    public String getId() {
        return GlobalId.of(getClass().getSimpleName(), record.id());
    }

    @Override
    @NonNull
    public String getName() {
        return record.name();
    }

    @Override
    @NonNull
    public Enums.EntityKind getKind() {
        return Enums.EntityKind.valueOf(record.kind());
    }

    @Override
    @NonNull
    public List<@NonNull String> getAliases() {
        return record.aliases() == null ? List.of() : record.aliases().stream().filter(a -> !a.equals(record.name())).toList();
    }

    @Override
    public String getWikidataId() {
        return record.wikidataId();
    }

    /** The GraphQL object for a downstream entity, by its kind. */
    public static EntityBase of(EntityRecord r) {
        return switch (r.kind()) {
            case "PERSON" -> new Person(r);
            case "ORGANIZATION" -> new Organization(r);
            case "COUNTRY" -> new Country(r);
            case "PLACE" -> new Place(r);
            case "CONTROL" -> new Control(r);
            default -> new Commodity(r);
        };
    }
}
