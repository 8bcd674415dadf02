package org.dossier.gateway.client;

import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Entities fetched during one request, so that an entity named by many statements (a country, a control) is asked
 * for once per request, and each level of a query asks only for what it has not seen.
 */
@RequestScoped
public class EntityLookup {

    private final EntityClient client;
    private final Map<UUID, EntityRecord> seen = new HashMap<>();
    private final Map<UUID, EntityRecord> seenView = Collections.unmodifiableMap(seen);

    EntityLookup(EntityClient client) {
        this.client = client;
    }

    /**
     * The entities of these ids (nulls and repeats allowed), fetching in one call those not seen yet. The map answers
     * for every id asked that exists; it is a read-only view of all entities seen in the request, not a copy (the
     * flagship query asks here for about 2,500 ids per level).
     */
    public Map<UUID, EntityRecord> get(Collection<UUID> ids) {
        List<UUID> missing = null;
        Set<UUID> asked = null;
        for (UUID id : ids) {
            if (id == null || seen.containsKey(id)) {
                continue;
            }
            if (missing == null) {
                missing = new ArrayList<>();
                asked = new HashSet<>();
            }
            if (asked.add(id)) {
                missing.add(id);
            }
        }
        if (missing != null) {
            for (EntityRecord entity : client.entities(missing)) {
                seen.put(entity.id(), entity);
            }
        }
        return seenView;
    }

    public void remember(Collection<EntityRecord> records) {
        records.forEach(r -> seen.putIfAbsent(r.id(), r));
    }
}
