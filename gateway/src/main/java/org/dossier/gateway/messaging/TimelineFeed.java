package org.dossier.gateway.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.dossier.events.DossierEvents;
import org.dossier.events.TimelineEventsChanged;
import org.dossier.gateway.client.TimelineClient;
import org.dossier.gateway.client.TimelineEventRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Timeline events as timeline-service creates or changes them, broadcast to every open subscription. The message
 * names the events; their current state is fetched in one call per message. Events that no longer exist (their last
 * source withdrawn) are not sent.
 */
@ApplicationScoped
public class TimelineFeed {

    private static final Logger LOG = Logger.getLogger(TimelineFeed.class);

    private final TimelineClient timelines;
    private final BroadcastProcessor<TimelineEventRecord> events = BroadcastProcessor.create();
    // Open subscriptions: with none, a change is not worth a call to timeline-service.
    private final AtomicInteger subscribers = new AtomicInteger();

    private final Announcements announcements;

    TimelineFeed(TimelineClient timelines, Announcements announcements) {
        this.timelines = timelines;
        this.announcements = announcements;
    }

    @Incoming("timeline-feed")
    @Blocking
    public void consume(String message) {
        announcements.received();
        FeedMessages.payload(message, DossierEvents.TIMELINE_EVENTS_CHANGED).ifPresent(this::broadcast);
    }

    private void broadcast(TimelineEventsChanged changed) {
        if (subscribers.get() == 0) {
            return;
        }
        try {
            timelines.eventsForSubscribers(changed.eventIds()).forEach(events::onNext);
        } catch (RuntimeException e) {
            // A live feed cannot go back for what it missed; subscribers re-query the timeline after a gap.
            LOG.warnf("timeline events of article %s not sent to subscribers: %s", changed.articleId(), e.getMessage());
        }
    }

    public Multi<TimelineEventRecord> events() {
        return events.onSubscription().invoke(subscribers::incrementAndGet)
                .onTermination().invoke(subscribers::decrementAndGet);
    }
}
