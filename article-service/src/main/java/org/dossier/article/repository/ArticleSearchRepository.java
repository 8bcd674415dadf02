package org.dossier.article.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Full-text search and listing with keyset pagination: a page after a cursor costs the same at page 1 and page 1,000.
 * Ranked by relevance when there is a query, newest first otherwise.
 */
@ApplicationScoped
public class ArticleSearchRepository {

    private static final String HEADLINE_OPTIONS = "StartSel=<mark>,StopSel=</mark>,MaxFragments=2,MaxWords=30,MinWords=10,FragmentDelimiter= … ";

    private final EntityManager entityManager;

    ArticleSearchRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record Criteria(String query, String source, String language, OffsetDateTime from, OffsetDateTime to) {
        public boolean ranked() {
            return query != null && !query.isBlank();
        }
    }

    /** Where the previous page ended: the last row's sort key (rank or time) and id. */
    public record Position(double rank, OffsetDateTime datedAt, UUID id) {
    }

    public record Hit(UUID id, double rank, OffsetDateTime datedAt, String snippet) {
    }

    public List<Hit> search(Criteria criteria, Position after, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(criteria, params);
        String rank = criteria.ranked() ? "ts_rank_cd(a.search, q.query)::float8" : "0::float8";
        String from = criteria.ranked() ? "article a, websearch_to_tsquery('english', :query) AS q(query)" : "article a";
        List<String> page = new ArrayList<>();
        if (after != null) {
            if (criteria.ranked()) {
                page.add("(" + rank + " < :afterRank OR (" + rank + " = :afterRank AND a.id > :afterId))");
                params.put("afterRank", after.rank());
            } else {
                page.add("(a.dated_at < :afterDated OR (a.dated_at = :afterDated AND a.id < :afterId))");
                params.put("afterDated", after.datedAt());
            }
            params.put("afterId", after.id());
        }
        String pageWhere = page.isEmpty() ? "" : " AND " + page.get(0);
        String order = criteria.ranked() ? "rank DESC, a.id ASC" : "a.dated_at DESC, a.id DESC";
        String snippet = criteria.ranked()
                ? "ts_headline('english', coalesce(p.title || E'\\n', '') || left(p.text, 500000), "
                        + "websearch_to_tsquery('english', :query), '" + HEADLINE_OPTIONS + "')"
                : "left(p.text, 240)";
        Query sql = entityManager.createNativeQuery("""
                SELECT p.id, p.rank, p.dated_at, %s FROM (
                    SELECT a.id, a.title, a.text, a.dated_at, %s AS rank FROM %s WHERE %s%s ORDER BY %s LIMIT :limit) p
                ORDER BY %s""".formatted(snippet, rank, from, where, pageWhere, order, order.replace("a.", "p.")));
        params.forEach(sql::setParameter);
        sql.setParameter("limit", limit);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql.getResultList();
        return rows.stream().map(r -> new Hit((UUID) r[0], ((Number) r[1]).doubleValue(), toOffset(r[2]), (String) r[3])).toList();
    }

    public long count(Criteria criteria) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(criteria, params);
        String from = criteria.ranked() ? "article a, websearch_to_tsquery('english', :query) AS q(query)" : "article a";
        Query sql = entityManager.createNativeQuery("SELECT count(*) FROM " + from + " WHERE " + where);
        params.forEach(sql::setParameter);
        return ((Number) sql.getSingleResult()).longValue();
    }

    private static String where(Criteria c, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>(List.of("TRUE"));
        if (c.ranked()) {
            conditions.add("a.search @@ q.query");
            params.put("query", c.query());
        }
        if (c.source() != null) {
            conditions.add("a.source = :source");
            params.put("source", c.source());
        }
        if (c.language() != null) {
            conditions.add("a.language = :language");
            params.put("language", c.language());
        }
        if (c.from() != null) {
            conditions.add("a.dated_at >= :from");
            params.put("from", c.from());
        }
        if (c.to() != null) {
            conditions.add("a.dated_at < :to");
            params.put("to", c.to());
        }
        return String.join(" AND ", conditions);
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
