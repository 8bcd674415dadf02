package org.dossier.timeline.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BatchEventsTest {

    private final Random random = new Random(20261123);
    private final List<UUID> entities = new ArrayList<>();

    /**
     * The definition: the stored candidates, less what the batch withdrew, then every event of the batch in the order it
     * joined the batch, the batch's state winning. Offering only the batch's events that share kind and an entity must
     * give the same best match, on random batches where events change, lose entities, vanish and come back.
     */
    @Test
    void offersWhatMakesTheSameBestMatchAsOfferingTheWholeBatch() {
        for (int i = 0; i < 12; i++) {
            entities.add(UUID.randomUUID());
        }
        int matched = 0;
        for (int round = 0; round < 300; round++) {
            BatchEvents batch = new BatchEvents();
            Map<UUID, EventMerger.Happening> wholeBatch = new LinkedHashMap<>();
            Set<UUID> gone = new HashSet<>();
            List<UUID> ids = new ArrayList<>();
            for (int step = 0; step < 60; step++) {
                int action = random.nextInt(10);
                if (action < 5 || ids.isEmpty()) {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    EventMerger.Happening event = happening();
                    batch.put(id, event);
                    wholeBatch.put(id, event);
                    gone.remove(id);
                } else if (action < 8) {
                    // An event changes: another state of the same kind, maybe with fewer or other entities.
                    UUID id = ids.get(random.nextInt(ids.size()));
                    EventMerger.Happening before = wholeBatch.get(id);
                    EventMerger.Happening now = happening(before == null ? kind() : before.kind());
                    batch.put(id, now);
                    wholeBatch.put(id, now);
                    gone.remove(id);
                } else {
                    UUID id = ids.get(random.nextInt(ids.size()));
                    batch.remove(id);
                    wholeBatch.remove(id);
                    gone.add(id);
                }
                EventMerger.Happening mention = happening();
                Map<UUID, EventMerger.Happening> stored = new LinkedHashMap<>();
                for (int s = random.nextInt(4); s > 0; s--) {
                    UUID id = random.nextBoolean() && !ids.isEmpty() ? ids.get(random.nextInt(ids.size())) : UUID.randomUUID();
                    stored.put(id, happening(mention.kind()));
                }
                Map<UUID, EventMerger.Happening> definition = new LinkedHashMap<>(stored);
                definition.keySet().removeAll(gone);
                definition.putAll(wholeBatch);

                var expected = EventMerger.bestMatch(mention, definition);
                assertThat(EventMerger.bestMatch(mention, batch.offeredTo(mention, stored))).isEqualTo(expected);
                if (expected.isPresent()) {
                    matched++;
                }
            }
        }
        assertThat(matched).as("the random batches must exercise matches, not only misses").isGreaterThan(2_000);
    }

    private EventMerger.Happening happening() {
        return happening(kind());
    }

    private String kind() {
        return List.of("TALKS", "CALL", "MEETING").get(random.nextInt(3));
    }

    private EventMerger.Happening happening(String kind) {
        LocalDate start = LocalDate.of(2025, 6, 1).plusDays(random.nextInt(20));
        EventMerger.Granularity granularity = EventMerger.Granularity.values()[random.nextInt(3)];
        LocalDate end = start.plusDays(granularity == EventMerger.Granularity.DAY ? random.nextInt(2) : 6 + random.nextInt(25));
        return new EventMerger.Happening(kind, new EventMerger.Dates(start, end, granularity, random.nextInt(5) == 0),
                someEntities(3), someEntities(2));
    }

    private Set<UUID> someEntities(int most) {
        Set<UUID> chosen = new HashSet<>();
        for (int n = random.nextInt(most + 1); n > 0; n--) {
            chosen.add(entities.get(random.nextInt(entities.size())));
        }
        return chosen;
    }
}
