package org.dossier.gateway.client;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Calls article-service with a timeout, a retry for passing faults and a circuit breaker for an outage; non-blocking. */
@ApplicationScoped
@DownstreamService("article-service")
@AsynchronousNonBlocking
public class ArticleClient {

    private final ArticleServiceApi api;

    private final DownstreamCalls calls;

    ArticleClient(@RestClient ArticleServiceApi api, DownstreamCalls calls) {
        this.api = api;
        this.calls = calls;
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50)
    // Open for 1 s, not 5: a service back from an outage is tried again at once; at 5 s GraphQL kept answering errors
    // for seconds after the service was healthy again.
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 1, delayUnit = ChronoUnit.SECONDS)
    public CompletionStage<List<ArticleRecord>> lookup(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        calls.count("article-service");
        return api.lookup(ids);
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 1, delayUnit = ChronoUnit.SECONDS)
    public CompletionStage<ArticlePageRecord> search(String q, String source, String from, String to, int first, String after) {
        calls.count("article-service");
        return api.search(q, source, from, to, first, after);
    }
}
