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
 * Calls entity-service with a timeout, a retry for passing faults and a circuit breaker for an outage. Every method
 * takes the ids of all parents of one GraphQL level, so a nested query costs one call per level. Non-blocking: each
 * returns at once, and the fault tolerance applies to the call's completion; no thread waits for the answer.
 */
@ApplicationScoped
@DownstreamService("entity-service")
@AsynchronousNonBlocking
@Timeout(value = 5, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = jakarta.ws.rs.client.ResponseProcessingException.class)
// Open for 1 s, not 5: a service back from an outage is tried again at once; at 5 s GraphQL kept answering errors
// for seconds after the service was healthy again.
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 1, delayUnit = ChronoUnit.SECONDS)
public class EntityClient {

    private final EntityServiceApi api;
    private final DownstreamCalls calls;

    EntityClient(@RestClient EntityServiceApi api, DownstreamCalls calls) {
        this.api = api;
        this.calls = calls;
    }

    public CompletionStage<List<EntityRecord>> entities(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        calls.count("entity-service");
        return api.entities(ids);
    }

    public CompletionStage<PageRecord<EntityRecord>> entityPage(String kind, String search, int first, String after) {
        calls.count("entity-service");
        return api.entityPage(kind, search, first, after);
    }

    public CompletionStage<PageRecord<EntityRecord>> officials(UUID country, String search, int first, String after) {
        calls.count("entity-service");
        return api.officials(country, search, first, after);
    }

    public CompletionStage<Map<UUID, List<EntityRecord>>> entitiesOfArticles(Collection<UUID> articleIds) {
        if (articleIds.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        calls.count("entity-service");
        return api.entitiesOfArticles(articleIds);
    }

    public CompletionStage<Map<UUID, List<StatementRecord>>> statementsOfArticles(Collection<UUID> articleIds) {
        if (articleIds.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        calls.count("entity-service");
        return api.statementsOfArticles(articleIds);
    }

    public CompletionStage<List<StatementRecord>> statements(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        calls.count("entity-service");
        return api.statements(ids);
    }

    public CompletionStage<PageRecord<StatementRecord>> statementPage(UUID about, UUID speaker, LocalDate from, LocalDate to,
                                                                      int first, String after, StatementFieldSelection selection) {
        calls.count("entity-service");
        return api.statementPage(about, speaker, from, to, first, after, selection.fields(), selection.cursors());
    }

    public CompletionStage<Map<UUID, PageRecord<StatementRecord>>> statementsBySpeaker(
            Collection<UUID> speakers, UUID about, int first, StatementFieldSelection selection) {
        if (speakers.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        calls.count("entity-service");
        return api.statementsBySpeaker(new EntityServiceApi.SpeakerStatementsRequest(speakers, about, first,
                selection.fields(), selection.cursors()));
    }

    public CompletionStage<Map<UUID, PageRecord<StatementRecord>>> statementsByControl(
            Collection<UUID> controls, int first, StatementFieldSelection selection) {
        if (controls.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        calls.count("entity-service");
        return api.statementsByControl(new EntityServiceApi.ControlStatementsRequest(controls, first,
                selection.fields(), selection.cursors()));
    }
}
