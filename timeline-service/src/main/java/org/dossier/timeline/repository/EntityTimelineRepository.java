package org.dossier.timeline.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dossier.events.AnalysisResults;
import org.dossier.timeline.api.EntityTimelinePage;
import org.dossier.timeline.api.TimelineEventView;
import org.hibernate.Session;

/** Each entity's statements by date, and its timeline: those statements interleaved with the events it took part in. */
@ApplicationScoped
public class EntityTimelineRepository {

    /** Events and statements of one entity as one keyed list: (date, kind, id) orders it and keys its cursors. */
    private static final String ENTRIES = """
            SELECT kind, id, start_date, end_date, granularity FROM (
                SELECT 'EVENT' AS kind, id, start_date, end_date, granularity FROM timeline_event
                WHERE participants @> ARRAY[CAST(:entity AS uuid)]
                UNION ALL
                SELECT 'STATEMENT', statement_id, said_from, said_to, granularity FROM entity_statement
                WHERE speaker_id = CAST(:entity AS uuid)) entries""";

    private final EntityManager em;
    private final TimelineRepository timeline;

    EntityTimelineRepository(EntityManager em, TimelineRepository timeline) {
        this.em = em;
        this.timeline = timeline;
    }

    /**
     * Replaces what these articles' speakers said with their latest analysis. Statements without a speaker entity, or
     * without any date (none said and the article's publication unknown), have no place on a timeline.
     */
    public void replaceStatementsOf(List<AnalysisResults> analyses) {
        em.createNativeQuery("DELETE FROM entity_statement WHERE article_id = ANY(CAST(:a AS uuid[]))")
                .setParameter("a", analyses.stream().map(r -> r.articleId().toString()).collect(Collectors.joining(",", "{", "}")))
                .executeUpdate();
        // Later analyses of an article replace earlier ones in the same batch.
        Map<UUID, AnalysisResults> latest = new LinkedHashMap<>();
        analyses.forEach(r -> latest.put(r.articleId(), r));
        // One round trip for all of them: this runs in every merge.
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO entity_statement (statement_id, article_id, speaker_id, said_from, said_to, granularity)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (statement_id) DO UPDATE SET article_id = excluded.article_id, speaker_id = excluded.speaker_id,
                        said_from = excluded.said_from, said_to = excluded.said_to, granularity = excluded.granularity""")) {
                int rows = 0;
                for (AnalysisResults results : latest.values()) {
                    LocalDate published = results.publishedAt() == null ? null : results.publishedAt().toLocalDate();
                    for (AnalysisResults.ExtractedStatement s : results.statements()) {
                        if (s.speakerId() == null || !(saidWhen(s) || published != null)) {
                            continue;
                        }
                        insert.setObject(1, s.id());
                        insert.setObject(2, results.articleId());
                        insert.setObject(3, s.speakerId());
                        insert.setObject(4, saidWhen(s) ? s.saidFrom() : published);
                        insert.setObject(5, saidWhen(s) ? s.saidTo() : published);
                        insert.setString(6, saidWhen(s) ? s.saidGranularity() : "DAY");
                        insert.addBatch();
                        rows++;
                    }
                }
                if (rows > 0) {
                    insert.executeBatch();
                }
            }
        });
    }

    private static boolean saidWhen(AnalysisResults.ExtractedStatement s) {
        return s.saidFrom() != null && s.saidTo() != null && s.saidGranularity() != null;
    }

    /** One page of an entity's timeline, oldest first. */
    @SuppressWarnings("unchecked")
    public EntityTimelinePage page(UUID entity, int first, String after) {
        String[] cursor = Cursors.decode(after, 3);
        Query items = em.createNativeQuery(ENTRIES
                + (cursor == null ? "" : " WHERE (start_date, kind, id) > (CAST(:cDate AS date), :cKind, CAST(:cId AS uuid))")
                + " ORDER BY start_date, kind, id LIMIT :limit");
        items.setParameter("entity", entity.toString()).setParameter("limit", first + 1);
        if (cursor != null) {
            items.setParameter("cDate", cursor[0]).setParameter("cKind", cursor[1]).setParameter("cId", cursor[2]);
        }
        List<Object[]> rows = items.getResultList();
        List<Object[]> shown = rows.stream().limit(first).toList();
        Map<UUID, TimelineEventView> events = timeline.events(shown.stream().filter(r -> EntityTimelinePage.EVENT.equals(r[0]))
                .map(r -> (UUID) r[1]).toList()).stream().collect(Collectors.toMap(TimelineEventView::id, Function.identity()));
        List<EntityTimelinePage.Entry> entries = shown.stream().map(r -> new EntityTimelinePage.Entry((String) r[0], (UUID) r[1],
                TimelineRepository.date(r[2]), TimelineRepository.date(r[3]), (String) r[4], events.get((UUID) r[1]))).toList();
        List<String> cursors = entries.stream().map(e -> Cursors.encode(e.start(), e.kind(), e.id())).toList();
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM (" + ENTRIES + ") counted")
                .setParameter("entity", entity.toString()).getSingleResult()).longValue();
        return new EntityTimelinePage(entries, cursors, total, cursors.isEmpty() ? null : cursors.get(cursors.size() - 1),
                rows.size() > first);
    }
}
