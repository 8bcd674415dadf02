package org.dossier.article.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.dossier.article.Article;
import org.dossier.article.config.IngestConfig;
import org.dossier.article.repository.ArticleRepository;
import org.dossier.article.repository.NearDuplicateRepository;
import org.dossier.events.ArticleStored;
import org.dossier.events.DossierEvents;
import org.dossier.events.TextRange;
import org.dossier.messaging.Outbox;

@ApplicationScoped
public class ArticleService {

    private final ArticleRepository articles;
    private final NearDuplicateRepository nearDuplicates;
    private final Outbox outbox;
    private final IngestConfig config;
    private final RawTextReader reader = new RawTextReader();
    private final Semaphore bulkChunks;

    ArticleService(ArticleRepository articles, NearDuplicateRepository nearDuplicates, Outbox outbox, IngestConfig config) {
        this.articles = articles;
        this.nearDuplicates = nearDuplicates;
        this.outbox = outbox;
        this.config = config;
        this.bulkChunks = new Semaphore(config.bulkChunksAtOnce(), true);
    }

    /** A submission with what its text tells computed, ready to store. */
    private record Prepared(NewArticle submission, String url, String contentHash, TextAnatomy anatomy,
            List<TextRange> analysisRanges, long[] signature) {
    }

    /**
     * Stores an article and its {@code dossier.article.stored.v1} event in one transaction, or finds the article it
     * exactly duplicates (same URL, or same normalised text). Returns only after the commit.
     */
    public IngestResult ingest(NewArticle submission) {
        return storeAlone(prepare(submission));
    }

    /**
     * Stores many articles in one transaction with a fixed number of statements, whatever their number: that is what
     * makes bulk ingest fast. Articles of the list see each other: a repeat of an earlier one is its exact or near
     * duplicate. If the transaction fails as a whole (a concurrent submission of the same article, say), each is
     * stored on its own, so one bad article fails alone.
     *
     * @return one outcome per submission, in order: its result, or why it was not stored
     */
    public List<Outcome> ingestAll(List<NewArticle> submissions) {
        return store(prepare(submissions));
    }

    /**
     * What {@link #ingestAll} computes from the texts before it touches the database: CPU work that needs no
     * transaction, so a caller can prepare the next batch while the previous one is stored.
     */
    public PreparedBatch prepare(List<NewArticle> submissions) {
        return new PreparedBatch(submissions.stream().map(this::prepare).toList());
    }

    /** Submissions ready to store; see {@link #prepare(List)}. */
    public static final class PreparedBatch {
        private final List<Prepared> articles;

        private PreparedBatch(List<Prepared> articles) {
            this.articles = articles;
        }
    }

    /**
     * Stores a chunk of a bulk upload as {@link #store} does, with at most {@code dossier.ingest.bulk-chunks-at-once}
     * chunks of all uploads in the database at once, so that bulk loads leave room for single posts.
     */
    public List<Outcome> storeBulk(PreparedBatch batch) {
        bulkChunks.acquireUninterruptibly();
        try {
            return store(batch);
        } finally {
            bulkChunks.release();
        }
    }

    /** Stores a prepared batch as {@link #ingestAll} does. */
    public List<Outcome> store(PreparedBatch batch) {
        List<Prepared> prepared = batch.articles;
        if (prepared.isEmpty()) {
            return List.of();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> storeAll(prepared)).stream().map(Outcome::stored).toList();
        } catch (PersistenceException | QuarkusTransactionException e) {
            return prepared.stream().map(p -> {
                try {
                    return Outcome.stored(storeAlone(p));
                } catch (RuntimeException failure) {
                    return Outcome.failed(failure);
                }
            }).toList();
        }
    }

    /** A submission's outcome in a bulk ingest: exactly one of result and failure is set. */
    public record Outcome(IngestResult result, RuntimeException failure) {
        static Outcome stored(IngestResult result) {
            return new Outcome(result, null);
        }

        static Outcome failed(RuntimeException failure) {
            return new Outcome(null, failure);
        }
    }

    private IngestResult storeAlone(Prepared article) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> storeAll(List.of(article)).get(0));
        } catch (PersistenceException | QuarkusTransactionException e) {
            // A concurrent submission of the same article won the unique index; it is the existing one now.
            return QuarkusTransaction.requiringNew().call(() -> storedKeys(List.of(article)).find(article))
                    .map(id -> new IngestResult(id, false, null)).orElseThrow(() -> e);
        }
    }

    private Prepared prepare(NewArticle submission) {
        TextAnatomy anatomy = reader.read(submission.text());
        // What the partner supplied wins; what the text says fills the gaps.
        String url = submission.url() != null ? submission.url() : anatomy.originalUrl();
        List<TextRange> analysisRanges = anatomy.analysisRanges().stream().map(r -> new TextRange(r[0], r[1])).toList();
        long[] signature = MinHasher.signature(analysedText(submission.text(), analysisRanges));
        return new Prepared(submission, url, TextFingerprint.of(submission.text()), anatomy, analysisRanges, signature);
    }

    /** Stores what is new among the articles in five statements: duplicates lookup, near-duplicate lookup, three inserts. */
    private List<IngestResult> storeAll(List<Prepared> batch) {
        ExactKeys known = storedKeys(batch);
        List<Optional<NearDuplicateRepository.Match>> near = nearDuplicates.mostSimilar(
                batch.stream().map(Prepared::signature).toList(), config.nearDuplicateThreshold());
        OffsetDateTime receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        List<Prepared> stored = new ArrayList<>();
        List<ArticleRepository.NewRow> rows = new ArrayList<>();
        List<IngestResult> results = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Prepared p = batch.get(i);
            Optional<UUID> existing = known.find(p);
            if (existing.isPresent()) {
                results.add(new IngestResult(existing.get(), false, null));
                continue;
            }
            UUID duplicateOf = closest(near.get(i), p.signature(), stored, rows)
                    .map(NearDuplicateRepository.Match::original).orElse(null);
            NewArticle s = p.submission();
            ArticleRepository.NewRow row = new ArticleRepository.NewRow(UUID.randomUUID(), s.text(),
                    s.title() != null ? s.title() : p.anatomy().title(), p.url(), s.source(), s.publishedAt(),
                    s.publishedAt() == null ? p.anatomy().publishedHint() : null,
                    s.language() != null ? s.language() : p.anatomy().language(), p.contentHash(), sectionsJson(p.anatomy()),
                    MinHasher.toBytes(p.signature()), duplicateOf, receivedAt);
            rows.add(row);
            stored.add(p);
            known.add(row.id(), p.url(), p.contentHash()); // a later repeat in the batch is its duplicate
            results.add(new IngestResult(row.id(), true, duplicateOf));
        }
        articles.insertAll(rows);
        nearDuplicates.indexAll(rows.stream().map(ArticleRepository.NewRow::id).toList(),
                stored.stream().map(Prepared::signature).toList());
        List<Outbox.Keyed<ArticleStored>> events = new ArrayList<>(rows.size());
        for (int k = 0; k < rows.size(); k++) {
            ArticleRepository.NewRow a = rows.get(k);
            events.add(new Outbox.Keyed<>(a.id().toString(), new ArticleStored(a.id(), a.text(), a.title(), a.url(), a.source(),
                    a.publishedAt(), a.language(), a.contentHash(), a.duplicateOf(), stored.get(k).analysisRanges(),
                    a.publishedHint())));
        }
        outbox.publishAll(DossierEvents.ARTICLE_STORED, events);
        return results;
    }

    /** The stored match, or an article earlier in the same batch, whichever is more similar. */
    private Optional<NearDuplicateRepository.Match> closest(Optional<NearDuplicateRepository.Match> storedMatch, long[] signature,
            List<Prepared> earlier, List<ArticleRepository.NewRow> earlierRows) {
        NearDuplicateRepository.Match best = storedMatch.orElse(null);
        for (int k = 0; k < earlier.size(); k++) {
            double similarity = MinHasher.similarity(signature, earlier.get(k).signature());
            if (similarity >= config.nearDuplicateThreshold() && (best == null || similarity > best.similarity())) {
                best = new NearDuplicateRepository.Match(earlierRows.get(k).id(), earlierRows.get(k).duplicateOf(), similarity);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Articles that exactly duplicate others are found by these keys: URL first, then normalised text. */
    private static final class ExactKeys {
        private final Map<String, UUID> byUrl = new HashMap<>();
        private final Map<String, UUID> byHash = new HashMap<>();

        void add(UUID id, String url, String contentHash) {
            if (url != null) {
                byUrl.put(url, id);
            }
            byHash.put(contentHash, id);
        }

        Optional<UUID> find(Prepared article) {
            return Optional.ofNullable(article.url()).map(byUrl::get).or(() -> Optional.ofNullable(byHash.get(article.contentHash())));
        }
    }

    /** The keys of the stored articles that the batch's articles may repeat, in one query. */
    private ExactKeys storedKeys(List<Prepared> batch) {
        ExactKeys keys = new ExactKeys();
        articles.withUrlOrContentHash(batch.stream().map(Prepared::url).filter(java.util.Objects::nonNull).toList(),
                batch.stream().map(Prepared::contentHash).toList()).forEach(k -> keys.add(k.id(), k.url(), k.contentHash()));
        return keys;
    }

    private static String analysedText(String text, List<TextRange> ranges) {
        StringBuilder analysed = new StringBuilder(text.length());
        ranges.forEach(r -> analysed.append(text, r.start(), r.end()).append('\n'));
        return analysed.toString();
    }

    private static String sectionsJson(TextAnatomy anatomy) {
        return anatomy.sections().stream()
                .map(s -> "{\"kind\":\"" + s.kind() + "\",\"start\":" + s.start() + ",\"end\":" + s.end() + "}")
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Article> find(UUID id) {
        return articles.findByIdOptional(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Article> find(Collection<UUID> ids) {
        return articles.withIds(ids);
    }

    /**
     * Records that entity-service analysed the article. A single-column UPDATE, not a load-and-save: the two status
     * channels run concurrently, and writing the whole row back would undo the other stage's mark. Idempotent: a
     * later report never moves the time back.
     */
    @Transactional
    public void markAnalyzed(UUID id, OffsetDateTime at) {
        articles.update("analyzedAt = ?1 where id = ?2 and (analyzedAt is null or analyzedAt < ?1)", at, id);
        clearFailure(id, "analysis", at);
    }

    @Transactional
    public void markTimelined(UUID id, OffsetDateTime at) {
        articles.update("timelinedAt = ?1 where id = ?2 and (timelinedAt is null or timelinedAt < ?1)", at, id);
        clearFailure(id, "timeline", at);
    }

    /** Records that a stage gave up on the article; the latest failure wins. */
    @Transactional
    public void markFailed(UUID id, String stage, String reason, OffsetDateTime at) {
        articles.update("failedStage = ?1, failureReason = ?2, failedAt = ?3 where id = ?4 and (failedAt is null or failedAt < ?3)",
                stage, reason, at, id);
    }

    /** A later success of the stage that failed (a re-run, say) means the article is no longer failed. */
    private void clearFailure(UUID id, String stage, OffsetDateTime succeededAt) {
        articles.update("failedStage = null, failureReason = null, failedAt = null where id = ?1 and failedStage = ?2 and failedAt < ?3",
                id, stage, succeededAt);
    }
}
