package org.dossier.article.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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

    ArticleService(ArticleRepository articles, NearDuplicateRepository nearDuplicates, Outbox outbox, IngestConfig config) {
        this.articles = articles;
        this.nearDuplicates = nearDuplicates;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * Stores an article and its {@code dossier.article.stored.v1} event in one transaction, or finds the article it
     * exactly duplicates (same URL, or same normalised text). Returns only after the commit.
     */
    public IngestResult ingest(NewArticle submission) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> store(submission));
        } catch (PersistenceException | QuarkusTransactionException e) {
            // A concurrent submission of the same article won the unique index; it is the existing one now.
            String url = submission.url() != null ? submission.url() : reader.read(submission.text()).originalUrl();
            return QuarkusTransaction.requiringNew().call(() -> existing(url, TextFingerprint.of(submission.text()))
                    .map(a -> new IngestResult(a.id, false, null)).orElseThrow(() -> e));
        }
    }

    /**
     * Stores many articles in one transaction, which is what makes bulk ingest fast; if that fails as a whole (a
     * concurrent submission of the same article, say), each is stored on its own, so one bad article fails alone.
     */
    public List<IngestResult> ingestAll(List<NewArticle> submissions) {
        if (submissions.isEmpty()) {
            return List.of();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> submissions.stream().map(this::store).toList());
        } catch (PersistenceException | QuarkusTransactionException e) {
            return submissions.stream().map(this::ingest).toList();
        }
    }

    private IngestResult store(NewArticle submission) {
        String hash = TextFingerprint.of(submission.text());
        TextAnatomy anatomy = reader.read(submission.text());
        // What the partner supplied wins; what the text says fills the gaps.
        String url = submission.url() != null ? submission.url() : anatomy.originalUrl();
        Optional<Article> duplicate = existing(url, hash);
        if (duplicate.isPresent()) {
            return new IngestResult(duplicate.get().id, false, null);
        }
        List<TextRange> analysisRanges = anatomy.analysisRanges().stream().map(r -> new TextRange(r[0], r[1])).toList();
        long[] signature = MinHasher.signature(analysedText(submission.text(), analysisRanges));
        Article article = new Article();
        article.id = UUID.randomUUID();
        article.text = submission.text();
        article.title = submission.title() != null ? submission.title() : anatomy.title();
        article.url = url;
        article.source = submission.source();
        article.publishedAt = submission.publishedAt();
        article.publishedHint = submission.publishedAt() == null ? anatomy.publishedHint() : null;
        article.language = submission.language() != null ? submission.language() : anatomy.language();
        article.contentHash = hash;
        article.sections = sectionsJson(anatomy);
        article.minhash = MinHasher.toBytes(signature);
        article.duplicateOf = nearDuplicates.mostSimilar(signature, config.nearDuplicateThreshold())
                .map(NearDuplicateRepository.Match::original).orElse(null);
        article.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        articles.persist(article);
        articles.flush();
        nearDuplicates.index(article.id, signature);
        outbox.publish(DossierEvents.ARTICLE_STORED, article.id.toString(), new ArticleStored(article.id, article.text,
                article.title, article.url, article.source, article.publishedAt, article.language, hash, article.duplicateOf,
                analysisRanges, article.publishedHint));
        return new IngestResult(article.id, true, article.duplicateOf);
    }

    private Optional<Article> existing(String url, String hash) {
        Optional<Article> byUrl = url == null ? Optional.empty() : articles.findByUrl(url);
        return byUrl.isPresent() ? byUrl : articles.findByContentHash(hash);
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
