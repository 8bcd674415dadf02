package org.dossier.gateway.client;

import jakarta.enterprise.context.RequestScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Entities fetched during one request, so that an entity named by many statements (a country, a control) is asked
 * for once per request, and each level of a query asks only for what it has not seen.
 */
@RequestScoped
public class EntityLookup {

    private final EntityClient client;
    private final Map<UUID, EntityRecord> seen = new HashMap<>();

    EntityLookup(EntityClient client) {
        this.client = client;
    }

    public Map<UUID, EntityRecord> get(Collection<UUID> ids) {
        List<UUID> missing = ids.stream().filter(Objects::nonNull).distinct().filter(id -> !seen.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            client.entities(missing).forEach(e -> seen.put(e.id(), e));
        }
        Map<UUID, EntityRecord> out = new HashMap<>();
        ids.stream().filter(Objects::nonNull).filter(seen::containsKey).forEach(id -> out.put(id, seen.get(id)));
        return out;
    }

    public void remember(Collection<EntityRecord> records) {
        records.forEach(r -> seen.putIfAbsent(r.id(), r));
    }
}
