package org.dossier.entity.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.dossier.entity.service.AnalysisService;
import org.dossier.events.DossierEvents;
import org.dossier.messaging.EventHandlers;
import org.dossier.messaging.EventInbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Analyses every article that article-service stores. */
@ApplicationScoped
public class ArticleEventsConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    ArticleEventsConsumer(EventInbox inbox, AnalysisService analysis) {
        this.inbox = inbox;
        // The parse runs before the inbox opens its transaction, which then only stores what was found.
        this.handlers = EventHandlers.forConsumer("entity-service").on(DossierEvents.ARTICLE_STORED, analysis::parse,
                analysis::store, (article, reason) -> analysis.reportFailure(article.articleId(), reason));
    }

    // Analysis is CPU-bound: articles are analysed concurrently on a pool as large as the cores we are given
    // (smallrye.messaging.worker.language.max-concurrency); offsets are still committed in order.
    @Incoming("article-events")
    @Blocking(value = "language", ordered = false)
    public void consume(String message) {
        inbox.handle(handlers, message);
    }
}
