package org.dossier.entity.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dossier.entity.api.EntityView;
import org.dossier.entity.api.MergeView;
import org.dossier.entity.api.StatementView;

/**
 * The analysis tables (entity, mention, statement, event_mention, entity_merge) in plain SQL: arrays and JSON columns
 * are what PostgreSQL does well, and the batch reads the gateway needs are single queries.
 */
@ApplicationScoped
public class AnalysisRepository {

    private static final String ENTITY_COLUMNS = "id, key, kind, name, array_to_string(aliases, chr(31)), wikidata_id, "
            + "country_id, organization_kind, roles::text, control::text";
    private static final String ENTITY_COLUMNS_OF_E = "e.id, e.key, e.kind, e.name, array_to_string(e.aliases, chr(31)), "
            + "e.wikidata_id, e.country_id, e.organization_kind, e.roles::text, e.control::text";
    private static final String STATEMENT_COLUMNS = "id, article_id, attributed_to, speaker_id, speaker_kind, cue, content, "
            + "quote, direct, span_start, span_end, reported_by_id, said_from, said_to, said_granularity, "
            + "array_to_string(about, ','), published_at, content_start, content_end, cue_start, cue_end, "
            + "attributed_to_start, attributed_to_end";

    private final EntityManager em;
    private final ObjectMapper json;

    AnalysisRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public static UUID entityId(String key) {
        return UUID.nameUUIDFromBytes(("entity:" + key).getBytes(StandardCharsets.UTF_8));
    }

    public static UUID statementId(UUID articleId, int seq) {
        return UUID.nameUUIDFromBytes(("statement:" + articleId + ":" + seq).getBytes(StandardCharsets.UTF_8));
    }

    public static UUID eventMentionId(UUID articleId, int seq) {
        return UUID.nameUUIDFromBytes(("event-mention:" + articleId + ":" + seq).getBytes(StandardCharsets.UTF_8));
    }

    // ---- writes ----------------------------------------------------------------------------------------------------

    /** Inserts or enriches an entity: aliases accumulate across articles; known facts fill what was unknown. */
    public void upsertEntity(String key, String kind, String name, Collection<String> aliases, String wikidataId,
                             UUID countryId, String organizationKind, Object roles, Object control) {
        em.createNativeQuery("""
                INSERT INTO entity (id, key, kind, name, aliases, wikidata_id, country_id, organization_kind, roles, control)
                VALUES (:id, :key, :kind, :name, CAST(:aliases AS text[]), :wikidata, :country, :orgKind,
                        CAST(:roles AS jsonb), CAST(:control AS jsonb))
                ON CONFLICT (key) DO UPDATE SET
                    aliases = (SELECT array_agg(DISTINCT a ORDER BY a) FROM unnest(entity.aliases || EXCLUDED.aliases) a),
                    wikidata_id = COALESCE(EXCLUDED.wikidata_id, entity.wikidata_id),
                    country_id = COALESCE(EXCLUDED.country_id, entity.country_id),
                    organization_kind = COALESCE(EXCLUDED.organization_kind, entity.organization_kind),
                    roles = CASE WHEN EXCLUDED.roles = '[]'::jsonb THEN entity.roles ELSE EXCLUDED.roles END,
                    control = COALESCE(EXCLUDED.control, entity.control),
                    updated_at = now()
                """)
                .setParameter("id", entityId(key)).setParameter("key", key).setParameter("kind", kind)
                .setParameter("name", name).setParameter("aliases", textArray(aliases))
                .setParameter("wikidata", wikidataId).setParameter("country", countryId)
                .setParameter("orgKind", organizationKind).setParameter("roles", toJson(roles == null ? List.of() : roles))
                .setParameter("control", control == null ? null : toJson(control))
                .executeUpdate();
    }

    /** Removes what an earlier analysis of the article recorded (entities stay: other articles may name them). */
    public void clearArticle(UUID articleId) {
        for (String table : List.of("mention", "statement", "event_mention")) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE article_id = :a").setParameter("a", articleId).executeUpdate();
        }
    }

    public void insertMention(UUID articleId, int seq, UUID entityId, String text, int start, int end, String resolution) {
        em.createNativeQuery("INSERT INTO mention (article_id, seq, entity_id, text, span_start, span_end, resolution) "
                        + "VALUES (:a, :seq, :e, :t, :s, :en, :r)")
                .setParameter("a", articleId).setParameter("seq", seq).setParameter("e", entityId).setParameter("t", text)
                .setParameter("s", start).setParameter("en", end).setParameter("r", resolution).executeUpdate();
    }

    public void insertStatement(StatementView s, int seq) {
        em.createNativeQuery("""
                INSERT INTO statement (id, article_id, seq, attributed_to, speaker_id, speaker_kind, cue, content, quote,
                    direct, span_start, span_end, reported_by_id, said_from, said_to, said_granularity, about, published_at,
                    content_start, content_end, cue_start, cue_end, attributed_to_start, attributed_to_end)
                VALUES (:id, :a, :seq, :att, :sp, :sk, :cue, :content, :quote, :direct, :s, :e, :rb, :sf, :st, :sg,
                    CAST(:about AS uuid[]), :pub, :cs, :ce, :qs, :qe, :as, :ae)
                """)
                .setParameter("id", s.id()).setParameter("a", s.articleId()).setParameter("seq", seq)
                .setParameter("att", s.attributedTo()).setParameter("sp", s.speakerId()).setParameter("sk", s.speakerKind())
                .setParameter("cue", s.cue()).setParameter("content", s.content()).setParameter("quote", s.quote())
                .setParameter("direct", s.direct()).setParameter("s", s.spanStart()).setParameter("e", s.spanEnd())
                .setParameter("rb", s.reportedById()).setParameter("sf", s.saidFrom()).setParameter("st", s.saidTo())
                .setParameter("sg", s.saidGranularity()).setParameter("about", uuidArray(s.about()))
                .setParameter("pub", s.publishedAt())
                .setParameter("cs", s.contentStart()).setParameter("ce", s.contentEnd())
                .setParameter("qs", s.cueStart()).setParameter("qe", s.cueEnd())
                .setParameter("as", s.attributedToStart()).setParameter("ae", s.attributedToEnd())
                .executeUpdate();
    }

    public void insertEventMention(UUID id, UUID articleId, int seq, String kind, String trigger, String label,
                                   LocalDate start, LocalDate end, String granularity, boolean dateInferred, List<UUID> participants,
                                   List<UUID> places, List<UUID> controls, String quote, int spanStart, int spanEnd) {
        em.createNativeQuery("""
                INSERT INTO event_mention (id, article_id, seq, kind, trigger, label, start_date, end_date, granularity,
                    date_inferred, participants, places, controls, quote, span_start, span_end)
                VALUES (:id, :a, :seq, :kind, :trigger, :label, :sd, :ed, :g, :inferred, CAST(:p AS uuid[]), CAST(:pl AS uuid[]),
                    CAST(:c AS uuid[]), :q, :s, :e)
                """)
                .setParameter("id", id).setParameter("a", articleId).setParameter("seq", seq).setParameter("kind", kind)
                .setParameter("trigger", trigger).setParameter("label", label).setParameter("sd", start)
                .setParameter("ed", end).setParameter("g", granularity).setParameter("inferred", dateInferred).setParameter("p", uuidArray(participants))
                .setParameter("pl", uuidArray(places)).setParameter("c", uuidArray(controls)).setParameter("q", quote)
                .setParameter("s", spanStart).setParameter("e", spanEnd).executeUpdate();
    }

    public void recordMerge(UUID articleId, String alias, UUID entityId, String reason) {
        em.createNativeQuery("INSERT INTO entity_merge (article_id, alias, entity_id, reason) VALUES (:a, :al, :e, :r) "
                        + "ON CONFLICT (article_id, alias, entity_id) DO NOTHING")
                .setParameter("a", articleId).setParameter("al", alias).setParameter("e", entityId).setParameter("r", reason)
                .executeUpdate();
    }

    /** Undone merges as "alias lower-cased|entity id", for later analyses to keep apart. */
    @SuppressWarnings("unchecked")
    public java.util.Set<String> undoneMerges() {
        List<Object[]> rows = em.createNativeQuery("SELECT DISTINCT lower(alias), entity_id FROM entity_merge WHERE undone_at IS NOT NULL")
                .getResultList();
        return rows.stream().map(r -> r[0] + "|" + r[1]).collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    public List<MergeView> merges(UUID entityId) {
        Query q = em.createNativeQuery("SELECT id, article_id, alias, entity_id, reason, created_at, undone_at FROM entity_merge "
                + (entityId == null ? "" : "WHERE entity_id = :e ") + "ORDER BY id");
        if (entityId != null) {
            q.setParameter("e", entityId);
        }
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new MergeView(((Number) r[0]).longValue(), (UUID) r[1], (String) r[2], (UUID) r[3],
                (String) r[4], timestamp(r[5]), timestamp(r[6]))).toList();
    }

    /**
     * Undoes a merge: the alias in that article becomes its own person, and its mentions and statements there move
     * to it. Returns the new entity's id, or null when there is no such merge or it was undone already.
     */
    public UUID undoMerge(long mergeId) {
        List<MergeView> found = merges(null).stream().filter(m -> m.id() == mergeId && m.undoneAt() == null).toList();
        if (found.isEmpty()) {
            return null;
        }
        MergeView m = found.get(0);
        String key = org.dossier.language.model.EntityKeys.newKey("person", m.alias());
        upsertEntity(key, "PERSON", m.alias(), List.of(m.alias()), null, null, null, List.of(), null);
        UUID separate = entityId(key);
        em.createNativeQuery("UPDATE entity_merge SET undone_at = now() WHERE id = :id").setParameter("id", mergeId).executeUpdate();
        em.createNativeQuery("UPDATE mention SET entity_id = :n WHERE article_id = :a AND entity_id = :e AND text = :t")
                .setParameter("n", separate).setParameter("a", m.articleId()).setParameter("e", m.entityId())
                .setParameter("t", m.alias()).executeUpdate();
        em.createNativeQuery("UPDATE statement SET speaker_id = :n WHERE article_id = :a AND speaker_id = :e "
                        + "AND attributed_to LIKE '%' || :t || '%'")
                .setParameter("n", separate).setParameter("a", m.articleId()).setParameter("e", m.entityId())
                .setParameter("t", m.alias()).executeUpdate();
        return separate;
    }

    // ---- reads -----------------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    public List<EntityView> entities(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("SELECT " + ENTITY_COLUMNS + " FROM entity WHERE id = ANY(CAST(:ids AS uuid[]))")
                .setParameter("ids", uuidArray(ids)).getResultList();
        return rows.stream().map(this::entity).toList();
    }

    @SuppressWarnings("unchecked")
    public List<StatementView> statements(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("SELECT " + STATEMENT_COLUMNS + " FROM statement WHERE id = ANY(CAST(:ids AS uuid[]))")
                .setParameter("ids", uuidArray(ids)).getResultList();
        return rows.stream().map(this::statement).toList();
    }

    /** Entities each article mentions (and controls' imposing countries), keyed by article. */
    @SuppressWarnings("unchecked")
    public Map<UUID, List<EntityView>> entitiesOfArticles(Collection<UUID> articleIds) {
        Map<UUID, List<EntityView>> out = new java.util.LinkedHashMap<>();
        articleIds.forEach(a -> out.put(a, new ArrayList<>()));
        if (articleIds.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createNativeQuery("SELECT DISTINCT m.article_id, " + ENTITY_COLUMNS_OF_E
                        + " FROM mention m JOIN entity e ON e.id = m.entity_id WHERE m.article_id = ANY(CAST(:ids AS uuid[])) "
                        + "ORDER BY m.article_id, e.kind, e.name")
                .setParameter("ids", uuidArray(articleIds)).getResultList();
        for (Object[] r : rows) {
            out.get((UUID) r[0]).add(entity(Arrays.copyOfRange(r, 1, r.length)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public Page<EntityView> entityPage(String kind, String search, boolean officialsOnly, UUID countryId, int first, String after) {
        StringBuilder where = new StringBuilder(" WHERE true");
        if (kind != null) {
            where.append(" AND kind = :kind");
        }
        if (search != null && !search.isBlank()) {
            where.append(" AND (lower(name) LIKE :search OR EXISTS (SELECT 1 FROM unnest(aliases) a WHERE lower(a) LIKE :search))");
        }
        if (officialsOnly) {
            where.append(" AND kind = 'PERSON' AND (roles <> '[]'::jsonb OR EXISTS (SELECT 1 FROM statement s WHERE s.speaker_id = entity.id))");
        }
        if (countryId != null) {
            where.append(" AND country_id = :country");
        }
        String[] cursor = Cursors.decode(after, 2);
        String page = cursor == null ? "" : " AND (lower(name), id) > (:cName, CAST(:cId AS uuid))";
        Query items = em.createNativeQuery("SELECT " + ENTITY_COLUMNS + " FROM entity" + where + page
                + " ORDER BY lower(name), id LIMIT :limit");
        Query count = em.createNativeQuery("SELECT count(*) FROM entity" + where);
        for (Query q : List.of(items, count)) {
            if (kind != null) {
                q.setParameter("kind", kind);
            }
            if (search != null && !search.isBlank()) {
                q.setParameter("search", "%" + search.toLowerCase(java.util.Locale.ROOT) + "%");
            }
            if (countryId != null) {
                q.setParameter("country", countryId);
            }
        }
        if (cursor != null) {
            items.setParameter("cName", cursor[0]).setParameter("cId", cursor[1]);
        }
        List<Object[]> rows = items.setParameter("limit", first + 1).getResultList();
        List<EntityView> views = rows.stream().limit(first).map(this::entity).toList();
        long total = ((Number) count.getSingleResult()).longValue();
        return Page.of(views, v -> Cursors.encode(v.name().toLowerCase(java.util.Locale.ROOT), v.id().toString()), total,
                rows.size() > first);
    }

    @SuppressWarnings("unchecked")
    public Map<UUID, List<StatementView>> statementsOfArticles(Collection<UUID> articleIds) {
        Map<UUID, List<StatementView>> out = new java.util.LinkedHashMap<>();
        articleIds.forEach(a -> out.put(a, new ArrayList<>()));
        if (articleIds.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createNativeQuery("SELECT " + STATEMENT_COLUMNS
                        + " FROM statement WHERE article_id = ANY(CAST(:ids AS uuid[])) ORDER BY article_id, seq")
                .setParameter("ids", uuidArray(articleIds)).getResultList();
        rows.stream().map(this::statement).forEach(s -> out.get(s.articleId()).add(s));
        return out;
    }

    /** Statements filtered by control, speaker and date, newest first, with keyset pagination. */
    @SuppressWarnings("unchecked")
    public Page<StatementView> statementPage(UUID about, Collection<UUID> speakers, LocalDate from, LocalDate to, int first,
                                             String after) {
        StringBuilder where = new StringBuilder(" WHERE true");
        if (about != null) {
            where.append(" AND about @> ARRAY[CAST(:about AS uuid)]");
        }
        if (speakers != null) {
            where.append(" AND speaker_id = ANY(CAST(:speakers AS uuid[]))");
        }
        if (from != null) {
            where.append(" AND coalesce(said_to, said_from) >= :from");
        }
        if (to != null) {
            where.append(" AND said_from <= :to");
        }
        String[] cursor = Cursors.decode(after, 2);
        String page = cursor == null ? "" : " AND (coalesce(said_from, DATE '0001-01-01'), id) < (CAST(:cDate AS date), CAST(:cId AS uuid))";
        Query items = em.createNativeQuery("SELECT " + STATEMENT_COLUMNS + " FROM statement" + where + page
                + " ORDER BY coalesce(said_from, DATE '0001-01-01') DESC, id DESC LIMIT :limit");
        Query count = em.createNativeQuery("SELECT count(*) FROM statement" + where);
        for (Query q : List.of(items, count)) {
            if (about != null) {
                q.setParameter("about", about.toString());
            }
            if (speakers != null) {
                q.setParameter("speakers", uuidArray(speakers));
            }
            if (from != null) {
                q.setParameter("from", from);
            }
            if (to != null) {
                q.setParameter("to", to);
            }
        }
        if (cursor != null) {
            items.setParameter("cDate", cursor[0]).setParameter("cId", cursor[1]);
        }
        List<Object[]> rows = items.setParameter("limit", first + 1).getResultList();
        List<StatementView> views = rows.stream().limit(first).map(this::statement).toList();
        long total = ((Number) count.getSingleResult()).longValue();
        return Page.of(views, v -> Cursors.encode(v.saidFrom() == null ? "0001-01-01" : v.saidFrom().toString(),
                v.id().toString()), total, rows.size() > first);
    }

    // ---- mapping ---------------------------------------------------------------------------------------------------

    private EntityView entity(Object[] r) {
        String aliases = (String) r[4];
        try {
            List<EntityView.RoleView> roles = json.readValue((String) r[8], new TypeReference<>() { });
            EntityView.ControlView control = r[9] == null ? null : json.readValue((String) r[9], EntityView.ControlView.class);
            return new EntityView((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                    aliases == null || aliases.isEmpty() ? List.of() : List.of(aliases.split("\u001f")),
                    (String) r[5], (UUID) r[6], (String) r[7], roles, control);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("entity " + r[1] + " has unreadable JSON: " + e.getOriginalMessage(), e);
        }
    }

    private StatementView statement(Object[] r) {
        String about = (String) r[15];
        List<UUID> aboutIds = about == null || about.isEmpty() ? List.of()
                : Arrays.stream(about.split(",")).map(UUID::fromString).toList();
        return new StatementView((UUID) r[0], (UUID) r[1], (String) r[2], (UUID) r[3], (String) r[4], (String) r[5],
                (String) r[6], (String) r[7], (Boolean) r[8], ((Number) r[9]).intValue(), ((Number) r[10]).intValue(),
                (UUID) r[11], date(r[12]), date(r[13]), (String) r[14], aboutIds, timestamp(r[16]),
                integer(r[17]), integer(r[18]), integer(r[19]), integer(r[20]), integer(r[21]), integer(r[22]));
    }

    private static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    private static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static OffsetDateTime timestamp(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) o).toInstant().atOffset(ZoneOffset.UTC);
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String uuidArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    static String textArray(Collection<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** One page of a list: the items, a cursor per item (for Relay edges), and what pageInfo needs. */
    public record Page<T>(List<T> items, List<String> cursors, long totalCount, String endCursor, boolean hasNextPage) {

        static <T> Page<T> of(List<T> items, java.util.function.Function<T, String> cursor, long total, boolean more) {
            List<String> cursors = items.stream().map(cursor).toList();
            return new Page<>(items, cursors, total, cursors.isEmpty() ? null : cursors.get(cursors.size() - 1), more);
        }
    }
}
