package org.dossier.timeline.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.dossier.events.DossierEvents;
import org.dossier.messaging.EventHandlers;
import org.dossier.messaging.EventInbox;
import org.dossier.timeline.service.TimelineService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Places every analysed article on the timeline. Takes a poll's worth of events at once: merging is serialised by
 * the timeline lock anyway, and one transaction for many articles pays the lock, the commit and the session once.
 */
@ApplicationScoped
public class AnalysisEventsConsumer {

    private final EventInbox inbox;
    private final EventHandlers handlers;

    AnalysisEventsConsumer(EventInbox inbox, TimelineService timeline) {
        this.inbox = inbox;
        this.handlers = EventHandlers.forConsumer("timeline-service")
                .on(DossierEvents.ANALYSIS_RESULTS, timeline::merge,
                        (results, reason) -> timeline.reportFailure(results.articleId(), reason))
                .on(DossierEvents.ARTICLE_ANALYZED, timeline::place,
                        (analysis, reason) -> timeline.reportFailure(analysis.articleId(), reason));
    }

    @Incoming("analysis-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return inbox.handleBatch(handlers, batch);
    }
}
