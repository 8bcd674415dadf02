package org.dossier.article.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
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

    // A poll's worth at a time, in one transaction (EventInbox.handleBatch): these events come in bulk behind every
    // ingest, and each alone is a one-row update.
    @Incoming("analysis-events")
    @Blocking
    public CompletionStage<Void> onAnalysis(KafkaRecordBatch<String, String> batch) {
        return inbox.handleBatch(handlers, batch);
    }

    @Incoming("timeline-events")
    @Blocking
    public CompletionStage<Void> onTimeline(KafkaRecordBatch<String, String> batch) {
        return inbox.handleBatch(handlers, batch);
    }
}
