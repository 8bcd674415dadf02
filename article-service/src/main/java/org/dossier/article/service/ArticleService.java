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
import org.dossier.article.repository.ArticleRepository;
import org.dossier.events.ArticleStored;
import org.dossier.events.DossierEvents;
import org.dossier.messaging.Outbox;

@ApplicationScoped
public class ArticleService {

    private final ArticleRepository articles;
    private final Outbox outbox;

    ArticleService(ArticleRepository articles, Outbox outbox) {
        this.articles = articles;
        this.outbox = outbox;
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
            return QuarkusTransaction.requiringNew().call(() -> existing(submission, TextFingerprint.of(submission.text()))
                    .map(a -> new IngestResult(a.id, false, null)).orElseThrow(() -> e));
        }
    }

    private IngestResult store(NewArticle submission) {
        String hash = TextFingerprint.of(submission.text());
        Optional<Article> duplicate = existing(submission, hash);
        if (duplicate.isPresent()) {
            return new IngestResult(duplicate.get().id, false, null);
        }
        Article article = new Article();
        article.id = UUID.randomUUID();
        article.text = submission.text();
        article.title = submission.title();
        article.url = submission.url();
        article.source = submission.source();
        article.publishedAt = submission.publishedAt();
        article.language = submission.language();
        article.contentHash = hash;
        article.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        articles.persist(article);
        articles.flush();
        outbox.publish(DossierEvents.ARTICLE_STORED, article.id.toString(), new ArticleStored(article.id, article.text,
                article.title, article.url, article.source, article.publishedAt, article.language, hash, article.duplicateOf));
        return new IngestResult(article.id, true, null);
    }

    private Optional<Article> existing(NewArticle submission, String hash) {
        Optional<Article> byUrl = submission.url() == null ? Optional.empty() : articles.findByUrl(submission.url());
        return byUrl.isPresent() ? byUrl : articles.findByContentHash(hash);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Article> find(UUID id) {
        return articles.findByIdOptional(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Article> find(Collection<UUID> ids) {
        return articles.findByIds(ids);
    }

    /**
     * Records that entity-service analysed the article. A single-column UPDATE, not a load-and-save: the two status
     * channels run concurrently, and writing the whole row back would undo the other stage's mark. Idempotent: a
     * later report never moves the time back.
     */
    @Transactional
    public void markAnalyzed(UUID id, OffsetDateTime at) {
        articles.update("analyzedAt = ?1 where id = ?2 and (analyzedAt is null or analyzedAt < ?1)", at, id);
    }

    @Transactional
    public void markTimelined(UUID id, OffsetDateTime at) {
        articles.update("timelinedAt = ?1 where id = ?2 and (timelinedAt is null or timelinedAt < ?1)", at, id);
    }
}
