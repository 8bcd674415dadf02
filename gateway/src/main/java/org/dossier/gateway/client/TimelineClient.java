package org.dossier.gateway.client;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Calls timeline-service with a timeout, a retry for passing faults and a circuit breaker for an outage; non-blocking,
 * but for the live feed's lookup, made from a Kafka consumer's worker thread.
 */
@ApplicationScoped
@DownstreamService("timeline-service")
@Timeout(value = 5, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 100, jitter = 50)
// Open for 1 s, not 5: a service back from an outage is tried again at once; at 5 s GraphQL kept answering errors
// for seconds after the service was healthy again.
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 1, delayUnit = ChronoUnit.SECONDS)
public class TimelineClient {

    private final TimelineServiceApi api;
    private final DownstreamCalls calls;

    TimelineClient(@RestClient TimelineServiceApi api, DownstreamCalls calls) {
        this.api = api;
        this.calls = calls;
    }

    @AsynchronousNonBlocking
    public CompletionStage<PageRecord<TimelineEventRecord>> timeline(LocalDate from, LocalDate to, UUID entity, UUID control,
                                                                     int first, String after) {
        calls.count("timeline-service");
        return api.timeline(from, to, entity, control, first, after);
    }

    @AsynchronousNonBlocking
    public CompletionStage<Map<UUID, List<TimelineEventRecord>>> eventsOfArticles(Collection<UUID> articleIds) {
        if (articleIds.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        calls.count("timeline-service");
        return api.eventsOfArticles(articleIds);
    }

    @AsynchronousNonBlocking
    public CompletionStage<List<TimelineEventRecord>> events(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        calls.count("timeline-service");
        return api.events(ids);
    }

    /** The same page of each entity's timeline: the events it took part in and the statements it made. */
    @AsynchronousNonBlocking
    public CompletionStage<Map<UUID, PageRecord<EntityTimelineEntryRecord>>> entityTimelines(Collection<UUID> entityIds, int first, String after) {
        if (entityIds.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        calls.count("timeline-service");
        return api.entityTimelines(new EntityTimelineEntryRecord.Request(List.copyOf(entityIds), first, after));
    }

    /** The same lookup for the live feed: counted apart from the calls that answer queries. */
    public List<TimelineEventRecord> eventsForSubscribers(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        calls.countForSubscriptions("timeline-service");
        return Downstream.await(api.events(ids)); // the feed's consumer runs on a worker thread (@Blocking)
    }
}
