package org.dossier.timeline.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.dossier.events.AnalysisResults;
import org.dossier.events.ArticleAnalyzed;
import org.dossier.events.DossierEvents;
import org.dossier.messaging.EventHandlers;
import org.dossier.messaging.EventInbox;
import org.dossier.timeline.service.TimelineService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Places every analysed article on the timeline. Takes a poll's worth of events at once, in one transaction: the
 * handlers queue what each event reports and the service merges and places all of it before the commit.
 */
@ApplicationScoped
public class AnalysisEventsConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    AnalysisEventsConsumer(EventInbox inbox, TimelineService timeline) {
        this.inbox = inbox;
        this.handlers = EventHandlers.forConsumer("timeline-service")
                .on(DossierEvents.ANALYSIS_RESULTS, (AnalysisResults results) -> timeline.queue(results),
                        (results, reason) -> timeline.reportFailure(results.articleId(), reason))
                .on(DossierEvents.ARTICLE_ANALYZED, (ArticleAnalyzed analysis) -> timeline.queue(analysis),
                        (analysis, reason) -> timeline.reportFailure(analysis.articleId(), reason))
                .beforeCommit(timeline::flushQueued);
    }

    @Incoming("analysis-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.handleBatch(handlers, batch);
    }
}
