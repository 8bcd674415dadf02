package org.dossier.timeline.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.dossier.events.DossierEvents;
import org.dossier.messaging.EventHandlers;
import org.dossier.messaging.EventInbox;
import org.dossier.timeline.service.TimelineService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Places every analysed article on the timeline. */
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
    public void consume(String message) {
        inbox.handle(handlers, message);
    }
}
