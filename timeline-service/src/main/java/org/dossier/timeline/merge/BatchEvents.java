package org.dossier.timeline.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The events a batch has created or changed so far, as they now stand, or withdrawn: what later mentions of the batch
 * are offered besides the candidates the database returned before the batch began.
 *
 * <p>Indexed by kind and entity. A mention can only join an event of its kind that shares a place or a participant
 * with it ({@link EventMerger#bestMatch}), so only those are offered. Offering every event of the batch to every
 * mention made merging a poll quadratic: at 2,000 mentions a poll it was most of timeline-service's CPU.
 */
public final class BatchEvents {

    private final Map<UUID, EventMerger.Happening> current = new HashMap<>();
    /** When each event of {@link #current} was first put there: offers keep that order, which breaks ties in bestMatch. */
    private final Map<UUID, Long> order = new HashMap<>();
    /** Kind and entity to the events of the batch that had it; may still list events that no longer have it. */
    private final Map<String, Set<UUID>> byKindAndEntity = new HashMap<>();
    private final Set<UUID> gone = new HashSet<>();
    private long next;

    /** Records an event as it now stands. */
    public void put(UUID eventId, EventMerger.Happening event) {
        if (current.put(eventId, event) == null) {
            order.put(eventId, next++);
        }
        gone.remove(eventId);
        for (UUID entity : event.places()) {
            byKindAndEntity.computeIfAbsent(key(event.kind(), entity), k -> new HashSet<>()).add(eventId);
        }
        for (UUID entity : event.participants()) {
            byKindAndEntity.computeIfAbsent(key(event.kind(), entity), k -> new HashSet<>()).add(eventId);
        }
    }

    /** Records that an event no longer exists. */
    public void remove(UUID eventId) {
        current.remove(eventId);
        order.remove(eventId);
        gone.add(eventId);
    }

    /**
     * What a mention is offered: the stored candidates with the batch's own state of them (withdrawn ones left out),
     * then the batch's events that share its kind and a place or participant, in the order they joined the batch.
     * {@link EventMerger#bestMatch} on this gives the same answer as on the stored candidates followed by every event of
     * the batch.
     */
    public Map<UUID, EventMerger.Happening> offeredTo(EventMerger.Happening mention, Map<UUID, EventMerger.Happening> stored) {
        Map<UUID, EventMerger.Happening> offered = new LinkedHashMap<>();
        stored.forEach((id, event) -> {
            if (!gone.contains(id)) {
                offered.put(id, current.getOrDefault(id, event));
            }
        });
        Set<UUID> sharing = new HashSet<>();
        for (UUID entity : mention.places()) {
            sharing.addAll(byKindAndEntity.getOrDefault(key(mention.kind(), entity), Set.of()));
        }
        for (UUID entity : mention.participants()) {
            sharing.addAll(byKindAndEntity.getOrDefault(key(mention.kind(), entity), Set.of()));
        }
        List<UUID> inOrder = new ArrayList<>();
        for (UUID id : sharing) {
            if (current.containsKey(id) && !offered.containsKey(id)) {
                inOrder.add(id);
            }
        }
        inOrder.sort((a, b) -> Long.compare(order.get(a), order.get(b)));
        inOrder.forEach(id -> offered.put(id, current.get(id)));
        return offered;
    }

    private static String key(String kind, UUID entity) {
        return kind + '/' + entity;
    }
}
