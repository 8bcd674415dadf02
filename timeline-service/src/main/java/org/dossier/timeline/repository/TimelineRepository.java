package org.dossier.timeline.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dossier.timeline.api.TimelineEventView;
import org.dossier.timeline.merge.EventMerger;
import org.hibernate.Session;

/** Events and their sources, in plain SQL (arrays and date ranges are PostgreSQL's strength). */
@ApplicationScoped
public class TimelineRepository {

    private static final String EVENT_COLUMNS = "id, kind, label, start_date, end_date, granularity, dates_inferred, confidence, "
            + "array_to_string(participants, ','), array_to_string(places, ','), array_to_string(controls, ',')";
    private static final String SOURCE_COLUMNS = "event_id, article_id, mention_id, quote, span_start, span_end, start_date, "
            + "end_date, granularity, date_inferred, merge_reason";

    private final EntityManager em;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    TimelineRepository(EntityManager em, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Serialises merging: one placement at a time across all instances (transaction-scoped advisory lock). */
    public void lockTimeline() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(7261)").getSingleResult();
    }

    /** Removes an article's sources; returns the events they belonged to. */
    @SuppressWarnings("unchecked")
    public Set<UUID> removeSourcesOf(UUID articleId) {
        List<UUID> events = em.createNativeQuery("DELETE FROM event_source WHERE article_id = :a RETURNING event_id")
                .setParameter("a", articleId).getResultList();
        return new HashSet<>(events);
    }

    /**
     * The merge candidates, found by index (their merge keys): events of the kind whose dates come within a day of the
     * range (within the three months before it for an inferred date) and that share a place or a participant.
     */
    public Map<UUID, EventMerger.Happening> candidates(EventMerger.Happening h) {
        return candidatesOfAll(List.of(h)).get(0);
    }

    /**
     * {@link #candidates} of many happenings in one query: for each, in order, the events it may report.
     */
    @SuppressWarnings("unchecked")
    public List<Map<UUID, EventMerger.Happening>> candidatesOfAll(List<EventMerger.Happening> happenings) {
        List<Map<UUID, EventMerger.Happening>> out = new ArrayList<>();
        happenings.forEach(h -> out.add(new LinkedHashMap<>()));
        if (happenings.isEmpty()) {
            return out;
        }
        List<Map<String, Object>> probes = new ArrayList<>();
        for (int i = 0; i < happenings.size(); i++) {
            EventMerger.Happening h = happenings.get(i);
            LocalDate from = h.dates().inferred() ? h.dates().start().minusDays(92) : h.dates().start().minusDays(1);
            probes.add(Map.of("item", i, "kind", h.kind(), "s", from.toString(), "e", h.dates().end().plusDays(1).toString(),
                    "places", h.places(), "participants", h.participants()));
        }
        String json;
        try {
            json = this.json.writeValueAsString(probes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT m.item, t.id, t.start_date, t.end_date, t.granularity, t.dates_inferred,
                    array_to_string(t.participants, ','), array_to_string(t.places, ',')
                FROM jsonb_to_recordset(CAST(:probes AS jsonb)) AS m(item int, kind text, s date, e date, places uuid[],
                    participants uuid[])
                -- The few events sharing a merge key (V6__merge_keys.sql) with the mention, then the exact test. OFFSET 0 keeps
                -- the lookup per mention and keeps the exact test out of it: pushed down, the planner ANDs the date test's
                -- index scans (which read a large part of the store) with the key scan; flattened, the lookup became a hash
                -- join over every event.
                JOIN LATERAL (SELECT * FROM timeline_event t
                    WHERE timeline_event_merge_keys(t.kind, t.start_date, t.end_date, t.places, t.participants)
                        && timeline_event_merge_keys(m.kind, m.s, m.e, m.places, m.participants)
                    OFFSET 0) t ON t.kind = m.kind AND t.start_date <= m.e AND t.end_date >= m.s
                    AND (t.places && m.places OR t.participants && m.participants)""")
                .setParameter("probes", json).getResultList();
        for (Object[] r : rows) {
            int item = ((Number) r[0]).intValue();
            out.get(item).put((UUID) r[1], new EventMerger.Happening(happenings.get(item).kind(), new EventMerger.Dates(date(r[2]),
                    date(r[3]), EventMerger.Granularity.valueOf((String) r[4]), (Boolean) r[5]), uuids((String) r[6]),
                    uuids((String) r[7])));
        }
        return out;
    }

    /** A new event as its first source describes it: what {@link #recompute} would make of that one source. */
    public record NewEvent(UUID id, String kind, String label, EventMerger.Dates dates, Collection<UUID> participants,
                           Collection<UUID> places, Collection<UUID> controls) {
    }

    /** An event mention placed on an event. */
    public record NewSource(UUID eventId, UUID articleId, UUID mentionId, String label, String quote, int spanStart,
                            int spanEnd, EventMerger.Dates dates, Collection<UUID> participants, Collection<UUID> places,
                            Collection<UUID> controls, String reason, double confidence) {
    }

    /** Inserts events in one round trip. */
    public void insertEvents(List<NewEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO timeline_event (id, kind, label, start_date, end_date, granularity, dates_inferred, participants,
                        places, controls, confidence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS uuid[]), 1.0)""")) {
                for (NewEvent e : events) {
                    insert.setObject(1, e.id());
                    insert.setString(2, e.kind());
                    insert.setString(3, e.label());
                    insert.setObject(4, e.dates().start());
                    insert.setObject(5, e.dates().end());
                    insert.setString(6, e.dates().granularity().name());
                    insert.setBoolean(7, e.dates().inferred());
                    insert.setString(8, array(e.participants()));
                    insert.setString(9, array(e.places()));
                    insert.setString(10, array(e.controls()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Inserts sources in one round trip; a mention placed again moves to its new event. */
    public void insertSources(List<NewSource> sources) {
        if (sources.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO event_source (mention_id, event_id, article_id, label, quote, span_start, span_end, start_date,
                        end_date, granularity, date_inferred, participants, places, controls, merge_reason, confidence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS uuid[]), ?, ?)
                    ON CONFLICT (mention_id) DO UPDATE SET event_id = EXCLUDED.event_id""")) {
                for (NewSource s : sources) {
                    insert.setObject(1, s.mentionId());
                    insert.setObject(2, s.eventId());
                    insert.setObject(3, s.articleId());
                    insert.setString(4, s.label());
                    insert.setString(5, s.quote());
                    insert.setInt(6, s.spanStart());
                    insert.setInt(7, s.spanEnd());
                    insert.setObject(8, s.dates().start());
                    insert.setObject(9, s.dates().end());
                    insert.setString(10, s.dates().granularity().name());
                    insert.setBoolean(11, s.dates().inferred());
                    insert.setString(12, array(s.participants()));
                    insert.setString(13, array(s.places()));
                    insert.setString(14, array(s.controls()));
                    insert.setString(15, s.reason());
                    insert.setDouble(16, s.confidence());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * Recomputes an event from its sources: dates (EventMerger.combine), participants, places, controls, the label
     * of its first placed source and the lowest merge confidence. An event left without sources is deleted.
     *
     * @return the event as it now stands, or null when it was deleted
     */
    @SuppressWarnings("unchecked")
    public EventMerger.Happening recompute(UUID eventId) {
        List<Object[]> rows = em.createNativeQuery("SELECT start_date, end_date, granularity, date_inferred, "
                        + "array_to_string(participants, ','), array_to_string(places, ','), array_to_string(controls, ','), "
                        + "label, confidence FROM event_source WHERE event_id = :e "
                        + "ORDER BY count(*) OVER (PARTITION BY label) DESC, cardinality(places) DESC, mention_id")
                .setParameter("e", eventId).getResultList();
        if (rows.isEmpty()) {
            em.createNativeQuery("DELETE FROM timeline_event WHERE id = :e").setParameter("e", eventId).executeUpdate();
            return null;
        }
        List<EventMerger.Dates> dates = new ArrayList<>();
        Set<UUID> participants = new HashSet<>();
        Set<UUID> places = new HashSet<>();
        Set<UUID> controls = new HashSet<>();
        double confidence = 1.0;
        for (Object[] r : rows) {
            dates.add(new EventMerger.Dates(date(r[0]), date(r[1]), EventMerger.Granularity.valueOf((String) r[2]), (Boolean) r[3]));
            participants.addAll(uuids((String) r[4]));
            places.addAll(uuids((String) r[5]));
            controls.addAll(uuids((String) r[6]));
            confidence = Math.min(confidence, ((Number) r[8]).doubleValue());
        }
        EventMerger.Dates combined = EventMerger.combine(dates);
        List<String> kind = em.createNativeQuery("""
                UPDATE timeline_event SET start_date = :s, end_date = :e, granularity = :g, dates_inferred = :inf,
                    participants = CAST(:p AS uuid[]), places = CAST(:pl AS uuid[]), controls = CAST(:c AS uuid[]),
                    label = :l, confidence = :conf, updated_at = now()
                WHERE id = :id
                RETURNING kind
                """)
                .setParameter("s", combined.start()).setParameter("e", combined.end())
                .setParameter("g", combined.granularity().name()).setParameter("inf", combined.inferred())
                .setParameter("p", array(participants)).setParameter("pl", array(places)).setParameter("c", array(controls))
                .setParameter("l", rows.get(0)[7]).setParameter("conf", confidence).setParameter("id", eventId)
                .getResultList();
        return kind.isEmpty() ? null : new EventMerger.Happening(kind.get(0), combined, participants, places);
    }

    /** Moves every source of one event to another (the two turned out to be one happening). */
    public void moveSources(UUID from, UUID to, String reason) {
        em.createNativeQuery("UPDATE event_source SET event_id = :to, merge_reason = merge_reason || '; then ' || :r "
                + "WHERE event_id = :from").setParameter("to", to).setParameter("from", from).setParameter("r", reason)
                .executeUpdate();
    }

    /** How many event mentions each of these articles has placed (articles with none are left out). */
    @SuppressWarnings("unchecked")
    public Map<UUID, Long> sourceCounts(Collection<UUID> articleIds) {
        Map<UUID, Long> counts = new LinkedHashMap<>();
        List<Object[]> rows = em.createNativeQuery("SELECT article_id, count(*) FROM event_source "
                + "WHERE article_id = ANY(CAST(:ids AS uuid[])) GROUP BY article_id").setParameter("ids", array(articleIds)).getResultList();
        rows.forEach(r -> counts.put((UUID) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    /** Which of these articles have sources placed already (they are being analysed again). */
    public Set<UUID> articlesWithSources(Collection<UUID> articleIds) {
        return sourceCounts(articleIds).keySet();
    }

    // ---- reads -----------------------------------------------------------------------------------------------------

    public record Page(List<TimelineEventView> items, List<String> cursors, long totalCount, String endCursor,
                       boolean hasNextPage) {
    }

    @SuppressWarnings("unchecked")
    public Page page(LocalDate from, LocalDate to, UUID entity, UUID control, int first, String after) {
        StringBuilder where = new StringBuilder(" WHERE true");
        if (from != null) {
            where.append(" AND end_date >= :from");
        }
        if (to != null) {
            where.append(" AND start_date <= :to");
        }
        if (entity != null) {
            where.append(" AND (participants @> ARRAY[CAST(:entity AS uuid)] OR places @> ARRAY[CAST(:entity AS uuid)])");
        }
        if (control != null) {
            where.append(" AND controls @> ARRAY[CAST(:control AS uuid)]");
        }
        String[] cursor = Cursors.decode(after, 2);
        String keyset = cursor == null ? "" : " AND (start_date, id) > (CAST(:cDate AS date), CAST(:cId AS uuid))";
        Query items = em.createNativeQuery("SELECT " + EVENT_COLUMNS + " FROM timeline_event" + where + keyset
                + " ORDER BY start_date, id LIMIT :limit");
        Query count = em.createNativeQuery("SELECT count(*) FROM timeline_event" + where);
        for (Query q : List.of(items, count)) {
            if (from != null) {
                q.setParameter("from", from);
            }
            if (to != null) {
                q.setParameter("to", to);
            }
            if (entity != null) {
                q.setParameter("entity", entity.toString());
            }
            if (control != null) {
                q.setParameter("control", control.toString());
            }
        }
        if (cursor != null) {
            items.setParameter("cDate", cursor[0]).setParameter("cId", cursor[1]);
        }
        List<Object[]> rows = items.setParameter("limit", first + 1).getResultList();
        List<TimelineEventView> views = withSources(rows.stream().limit(first).toList());
        List<String> cursors = views.stream().map(v -> Cursors.encode(v.start(), v.id())).toList();
        return new Page(views, cursors, ((Number) count.getSingleResult()).longValue(),
                cursors.isEmpty() ? null : cursors.get(cursors.size() - 1), rows.size() > first);
    }

    @SuppressWarnings("unchecked")
    public List<TimelineEventView> events(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withSources(em.createNativeQuery("SELECT " + EVENT_COLUMNS + " FROM timeline_event WHERE id = ANY(CAST(:ids AS uuid[]))")
                .setParameter("ids", array(ids)).getResultList());
    }

    @SuppressWarnings("unchecked")
    public Map<UUID, List<TimelineEventView>> eventsOfArticles(Collection<UUID> articleIds) {
        Map<UUID, List<TimelineEventView>> out = new LinkedHashMap<>();
        articleIds.forEach(a -> out.put(a, new ArrayList<>()));
        if (articleIds.isEmpty()) {
            return out;
        }
        List<Object[]> pairs = em.createNativeQuery("SELECT DISTINCT article_id, event_id FROM event_source "
                        + "WHERE article_id = ANY(CAST(:ids AS uuid[]))").setParameter("ids", array(articleIds)).getResultList();
        Map<UUID, TimelineEventView> events = events(pairs.stream().map(p -> (UUID) p[1]).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(TimelineEventView::id, v -> v));
        for (Object[] p : pairs) {
            TimelineEventView e = events.get((UUID) p[1]);
            if (e != null) {
                out.get((UUID) p[0]).add(e);
            }
        }
        out.values().forEach(l -> l.sort(java.util.Comparator.comparing(TimelineEventView::start)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<TimelineEventView> withSources(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
        List<Object[]> sources = em.createNativeQuery("SELECT " + SOURCE_COLUMNS + " FROM event_source "
                + "WHERE event_id = ANY(CAST(:ids AS uuid[])) ORDER BY start_date, article_id, span_start")
                .setParameter("ids", array(ids)).getResultList();
        Map<UUID, List<TimelineEventView.SourceView>> byEvent = new LinkedHashMap<>();
        for (Object[] s : sources) {
            byEvent.computeIfAbsent((UUID) s[0], k -> new ArrayList<>()).add(new TimelineEventView.SourceView((UUID) s[1],
                    (UUID) s[2], (String) s[3], ((Number) s[4]).intValue(), ((Number) s[5]).intValue(), date(s[6]), date(s[7]),
                    (String) s[8], (Boolean) s[9], (String) s[10]));
        }
        return rows.stream().map(r -> new TimelineEventView((UUID) r[0], (String) r[1], (String) r[2], date(r[3]), date(r[4]),
                (String) r[5], (Boolean) r[6], ((Number) r[7]).doubleValue(), List.copyOf(uuids((String) r[8])),
                List.copyOf(uuids((String) r[9])), List.copyOf(uuids((String) r[10])),
                byEvent.getOrDefault((UUID) r[0], List.of()))).toList();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    static LocalDate date(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static Set<UUID> uuids(String csv) {
        if (csv == null || csv.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(",")).map(UUID::fromString).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static String array(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
