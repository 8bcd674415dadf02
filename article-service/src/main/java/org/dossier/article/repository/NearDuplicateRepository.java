package org.dossier.article.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dossier.article.service.MinHasher;

/** The LSH index of article signatures. */
@ApplicationScoped
public class NearDuplicateRepository {

    /**
     * A bucket with more members than this is skipped: it holds boilerplate or a template, not one story. Reading at
     * most this many rows of each of the 32 buckets keeps a lookup's cost bounded however large the corpus grows.
     */
    static final int HOT_BUCKET = 100;
    /** Candidates whose signatures are compared: those sharing the most bands. */
    private static final int CANDIDATES = 10;
    /** The band numbers 0..31, as an array literal. */
    private static final String BANDS = arrayLiteral(java.util.stream.LongStream.range(0, MinHasher.BANDS).toArray());

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

    /** The most similar article already stored at or above the threshold, if any. */
    public Optional<Match> mostSimilar(long[] signature, double threshold) {
        // One statement text whatever the signature, so the server plans it once (arrays as parameters, not literals).
        // A reprint at Jaccard 0.7 shares about 8 of the 32 bands; a chance collision one or two. Rank by bands shared.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                WITH probe AS (
                    SELECT * FROM unnest(CAST(:bands AS smallint[]), CAST(:buckets AS bigint[])) AS p(band, bucket)),
                hits AS (
                    SELECT p.band, h.article_id, count(*) OVER (PARTITION BY p.band) AS bucket_size
                    FROM probe p CROSS JOIN LATERAL (
                        SELECT l.article_id FROM article_lsh l WHERE l.band = p.band AND l.bucket = p.bucket LIMIT %d) h),
                candidates AS (
                    SELECT article_id, count(*) AS shared FROM hits WHERE bucket_size <= %d
                    GROUP BY article_id ORDER BY shared DESC LIMIT %d)
                SELECT a.id, a.duplicate_of, a.minhash FROM candidates c JOIN article a ON a.id = c.article_id
                WHERE a.minhash IS NOT NULL""".formatted(HOT_BUCKET + 1, HOT_BUCKET, CANDIDATES))
                .setParameter("bands", BANDS)
                .setParameter("buckets", arrayLiteral(MinHasher.bandBuckets(signature)))
                .getResultList();
        Match best = null;
        for (Object[] row : rows) {
            double similarity = MinHasher.similarity(signature, MinHasher.fromBytes((byte[]) row[2]));
            if (similarity >= threshold && (best == null || similarity > best.similarity())) {
                best = new Match((UUID) row[0], (UUID) row[1], similarity);
            }
        }
        return Optional.ofNullable(best);
    }

    public void index(UUID articleId, long[] signature) {
        entityManager.createNativeQuery("""
                INSERT INTO article_lsh (band, bucket, article_id)
                SELECT band, bucket, :id FROM unnest(CAST(:bands AS smallint[]), CAST(:buckets AS bigint[])) AS p(band, bucket)
                ON CONFLICT DO NOTHING""")
                .setParameter("id", articleId)
                .setParameter("bands", BANDS)
                .setParameter("buckets", arrayLiteral(MinHasher.bandBuckets(signature)))
                .executeUpdate();
    }

    /** PostgreSQL array literal of numbers, bound as text and cast in SQL: portable across JDBC array support. */
    private static String arrayLiteral(long[] values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            literal.append(i == 0 ? "" : ",").append(values[i]);
        }
        return literal.append('}').toString();
    }
}
