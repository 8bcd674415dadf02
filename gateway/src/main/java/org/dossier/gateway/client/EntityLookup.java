package org.dossier.gateway.client;

import jakarta.enterprise.context.RequestScoped;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entities fetched during one request, so that an entity named by many statements (a country, a control) is asked
 * for once per request, and each level of a query asks only for what it has not seen. An id already on its way (asked
 * by another field of the same level, whose call has not answered yet) is waited for, not asked again.
 */
@RequestScoped
public class EntityLookup {

    private final EntityClient client;
    // Concurrent: the calls of one request may answer on different event loops.
    private final Map<UUID, EntityRecord> seen = new ConcurrentHashMap<>();
    /** What callers read: asked for a null id (a person without a country), it answers null, as a HashMap would. */
    private final Map<UUID, EntityRecord> seenView = new AbstractMap<>() {
        @Override
        public EntityRecord get(Object id) {
            return id == null ? null : seen.get(id);
        }

        @Override
        public boolean containsKey(Object id) {
            return id != null && seen.containsKey(id);
        }

        @Override
        public Set<Entry<UUID, EntityRecord>> entrySet() {
            return Collections.unmodifiableSet(seen.entrySet());
        }
    };
    /** Ids asked for and not answered yet, each with the call that brings it (guarded by this). */
    private final Map<UUID, CompletableFuture<Void>> onTheirWay = new HashMap<>();

    EntityLookup(EntityClient client) {
        this.client = client;
    }

    /**
     * The entities of these ids (nulls and repeats allowed), fetching in one call those not seen yet. The map answers
     * for every id asked that exists; it is a read-only view of all entities seen in the request, not a copy (the
     * flagship query asks here for about 2,500 ids per level). Fails as the call fails.
     */
    public CompletionStage<Map<UUID, EntityRecord>> get(Collection<UUID> ids) {
        List<UUID> missing = null;
        List<CompletableFuture<Void>> awaited = null;
        CompletableFuture<Void> fetched = null;
        synchronized (this) {
            for (UUID id : ids) {
                if (id == null || seen.containsKey(id)) {
                    continue;
                }
                CompletableFuture<Void> coming = onTheirWay.get(id);
                if (coming == null) {
                    if (fetched == null) {
                        fetched = new CompletableFuture<>();
                        missing = new ArrayList<>();
                    }
                    missing.add(id);
                    onTheirWay.put(id, fetched);
                } else if (coming != fetched) {
                    if (awaited == null) {
                        awaited = new ArrayList<>(2);
                    }
                    if (!awaited.contains(coming)) {
                        awaited.add(coming);
                    }
                }
            }
        }
        if (fetched != null) {
            fetch(missing, fetched);
            if (awaited == null) {
                return fetched.thenApply(done -> seenView);
            }
            awaited.add(fetched);
        }
        if (awaited == null) {
            return CompletableFuture.completedFuture(seenView);
        }
        return CompletableFuture.allOf(awaited.toArray(CompletableFuture[]::new)).thenApply(done -> seenView);
    }

    private void fetch(List<UUID> missing, CompletableFuture<Void> fetched) {
        CompletionStage<List<EntityRecord>> call;
        try {
            call = client.entities(missing);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((entities, failure) -> {
            if (entities != null) {
                for (EntityRecord entity : entities) {
                    seen.put(entity.id(), entity);
                }
            }
            synchronized (this) {
                missing.forEach(onTheirWay::remove); // a failed call is asked again by the next field that needs it
            }
            if (failure != null) {
                fetched.completeExceptionally(failure);
            } else {
                fetched.complete(null);
            }
        });
    }

    public void remember(Collection<EntityRecord> records) {
        records.forEach(r -> seen.putIfAbsent(r.id(), r));
    }
}
