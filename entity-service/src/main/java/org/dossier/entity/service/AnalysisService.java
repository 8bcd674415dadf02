package org.dossier.entity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.dossier.entity.Document;
import org.dossier.entity.repository.DocumentRepository;
import org.dossier.events.ArticleAnalyzed;
import org.dossier.events.ArticleProcessingFailed;
import org.dossier.events.ArticleStored;
import org.dossier.events.DossierEvents;
import org.dossier.messaging.Outbox;

/**
 * Analyses stored articles. The language pipeline (mentions, entities, statements, event mentions) plugs in here;
 * until it does, an analysis records the document and reports zero findings, so the pipeline downstream runs for real.
 */
@ApplicationScoped
@Transactional
public class AnalysisService {

    private final DocumentRepository documents;
    private final Outbox outbox;

    AnalysisService(DocumentRepository documents, Outbox outbox) {
        this.documents = documents;
        this.outbox = outbox;
    }

    /** Re-analysing an article replaces what the previous analysis recorded. */
    public Document analyze(ArticleStored article) {
        Document document = documents.findByIdOptional(article.articleId()).orElseGet(Document::new);
        document.articleId = article.articleId();
        document.text = article.text();
        document.publishedAt = article.publishedAt();
        document.language = article.language();
        document.duplicateOf = article.duplicateOf();
        document.analyzedAt = OffsetDateTime.now(ZoneOffset.UTC);
        document.mentionCount = 0;
        document.statementCount = 0;
        // Persisted only once complete: the outbox insert below flushes, and a half-filled row would violate NOT NULL.
        if (!documents.isPersistent(document)) {
            documents.persist(document);
        }
        outbox.publish(DossierEvents.ARTICLE_ANALYZED, article.articleId().toString(), new ArticleAnalyzed(article.articleId(),
                document.analyzedAt, document.mentionCount, document.statementCount));
        return document;
    }

    /** Tells the pipeline that this article could not be analysed, and why. */
    public void reportFailure(java.util.UUID articleId, String reason) {
        outbox.publish(DossierEvents.ANALYSIS_FAILED, articleId.toString(),
                new ArticleProcessingFailed(articleId, "analysis", reason, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Document> find(Collection<java.util.UUID> articleIds) {
        return articleIds.isEmpty() ? List.of() : documents.list("articleId in ?1", articleIds);
    }
}
