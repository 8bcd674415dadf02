package org.dossier.article.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.dossier.article.service.ArticleService;
import org.dossier.events.DossierEvents;
import org.dossier.messaging.EventHandlers;
import org.dossier.messaging.EventInbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps each article's processing status from what entity-service and timeline-service report. */
@ApplicationScoped
public class ProcessingStatusConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    ProcessingStatusConsumer(EventInbox inbox, ArticleService service) {
        this.inbox = inbox;
        this.handlers = EventHandlers.forConsumer("article-service")
                .on(DossierEvents.ARTICLE_ANALYZED, e -> service.markAnalyzed(e.articleId(), e.analyzedAt()))
                .on(DossierEvents.ARTICLE_TIMELINED, e -> service.markTimelined(e.articleId(), e.timelinedAt()))
                // One type on both topics: the payload names the stage.
                .on(DossierEvents.ANALYSIS_FAILED, e -> service.markFailed(e.articleId(), e.stage(), e.reason(), e.failedAt()));
    }

    @Incoming("analysis-events")
    @Blocking
    public void onAnalysis(String message) {
        inbox.handle(handlers, message);
    }

    @Incoming("timeline-events")
    @Blocking
    public void onTimeline(String message) {
        inbox.handle(handlers, message);
    }
}
