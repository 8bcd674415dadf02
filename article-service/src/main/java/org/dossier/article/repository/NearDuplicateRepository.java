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

    /** Candidates checked at most per lookup: a bucket shared by very many articles is boilerplate, not a story. */
    private static final int MAX_CANDIDATES = 50;

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
        long[] buckets = MinHasher.bandBuckets(signature);
        StringBuilder pairs = new StringBuilder();
        for (int band = 0; band < buckets.length; band++) {
            // Numbers we computed, not user input: safe to inline, and one statement instead of 32.
            pairs.append(band == 0 ? "" : ",").append('(').append(band).append(',').append(buckets[band]).append(')');
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT a.id, a.duplicate_of, a.minhash FROM article a
                WHERE a.id IN (SELECT l.article_id FROM article_lsh l WHERE (l.band, l.bucket) IN (%s) LIMIT %d)
                  AND a.minhash IS NOT NULL""".formatted(pairs, MAX_CANDIDATES))
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
        long[] buckets = MinHasher.bandBuckets(signature);
        StringBuilder values = new StringBuilder();
        for (int band = 0; band < buckets.length; band++) {
            values.append(band == 0 ? "" : ",").append('(').append(band).append(',').append(buckets[band]).append(", :id)");
        }
        entityManager.createNativeQuery("INSERT INTO article_lsh (band, bucket, article_id) VALUES " + values
                + " ON CONFLICT DO NOTHING").setParameter("id", articleId).executeUpdate();
    }
}
