package org.dossier.article.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dossier.article.service.MinHasher;
import org.hibernate.Session;

/** The LSH index of article signatures. */
@ApplicationScoped
public class NearDuplicateRepository {

    /**
     * A bucket with more members than this is skipped: it holds boilerplate or a template, not one story. Reading at
     * most this many rows of each of the 32 buckets keeps a lookup's cost bounded however large the corpus grows.
     */
    static final int HOT_BUCKET = 100;
    /**
     * Bands a candidate must share. One shared band happens by chance between texts of a common template (bands of 4
     * rows collide at Jaccard 0.11 with probability 1.5e-4, and there are 32 of them); two shared bands at Jaccard
     * 0.7, the threshold, miss with probability 0.002 and at 0.8 with 1e-6, while chance pairs become 400,000 times rarer.
     */
    public static final int MIN_SHARED_BANDS = 2;
    /** Candidates whose signatures are compared: those sharing the most bands. */
    private static final int CANDIDATES = 10;

    private final EntityManager entityManager;

    NearDuplicateRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record Match(UUID articleId, UUID duplicateOf, double similarity) {
        /** The original this article reprints: the match itself, or what the match already reprints. */
        public UUID original() {
            return duplicateOf != null ? duplicateOf : articleId;
        }
    }

    /**
     * For each signature, the most similar article already stored at or above the threshold, if any; one query for
     * all of them.
     */
    public List<Optional<Match>> mostSimilar(List<long[]> signatures, double threshold) {
        List<Optional<Match>> best = new ArrayList<>(signatures.size());
        signatures.forEach(s -> best.add(Optional.empty()));
        if (signatures.isEmpty()) {
            return best;
        }
        Object[] items = new Object[signatures.size() * MinHasher.BANDS];
        Object[] buckets = new Object[items.length];
        for (int item = 0; item < signatures.size(); item++) {
            long[] bands = MinHasher.bandBuckets(signatures.get(item));
            for (int b = 0; b < MinHasher.BANDS; b++) {
                items[item * MinHasher.BANDS + b] = item;
                buckets[item * MinHasher.BANDS + b] = bands[b];
            }
        }
        // A reprint at Jaccard 0.7 shares about 8 of the 32 bands; a chance collision one or two. Rank by bands shared.
        // Buckets are seeded with their band number, so a shared bucket is a shared band.
        return session().doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    WITH probe AS (
                        SELECT * FROM unnest(CAST(? AS int[]), CAST(? AS bigint[])) AS p(item, bucket)),
                    hits AS (
                        SELECT p.item, h.article_id, count(*) OVER (PARTITION BY p.item, p.bucket) AS bucket_size
                        FROM probe p CROSS JOIN LATERAL (
                            SELECT l.article_id FROM article_lsh_buckets l WHERE l.buckets @> ARRAY[p.bucket] LIMIT %d) h),
                    ranked AS (
                        SELECT item, article_id, row_number() OVER (PARTITION BY item ORDER BY count(*) DESC) AS rank
                        FROM hits WHERE bucket_size <= %d GROUP BY item, article_id HAVING count(*) >= %d),
                    best AS (SELECT item, article_id FROM ranked WHERE rank <= %d),
                    -- Candidates by primary key: a plain join lets the planner hash the whole article table.
                    found AS (
                        SELECT id, duplicate_of, minhash FROM article
                        WHERE id = ANY(ARRAY(SELECT article_id FROM best)) AND minhash IS NOT NULL)
                    SELECT b.item, f.id, f.duplicate_of, f.minhash FROM best b JOIN found f ON f.id = b.article_id"""
                    .formatted(HOT_BUCKET + 1, HOT_BUCKET, MIN_SHARED_BANDS, CANDIDATES))) {
                query.setArray(1, connection.createArrayOf("int4", items));
                query.setArray(2, connection.createArrayOf("int8", buckets));
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        int item = rs.getInt(1);
                        double similarity = MinHasher.similarity(signatures.get(item), MinHasher.fromBytes(rs.getBytes(4)));
                        if (similarity >= threshold && best.get(item).map(m -> similarity > m.similarity()).orElse(true)) {
                            best.set(item, Optional.of(new Match(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), similarity)));
                        }
                    }
                }
            }
            return best;
        });
    }

    /** Adds the articles' band buckets to the index, a row per article, in one batch (rewritten as one insert). */
    public void indexAll(List<UUID> articleIds, List<long[]> signatures) {
        if (articleIds.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO article_lsh_buckets (article_id, buckets) VALUES (?, ?)")) {
                for (int i = 0; i < articleIds.size(); i++) {
                    insert.setObject(1, articleIds.get(i));
                    insert.setArray(2, connection.createArrayOf("int8",
                            Arrays.stream(MinHasher.bandBuckets(signatures.get(i))).boxed().toArray()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
