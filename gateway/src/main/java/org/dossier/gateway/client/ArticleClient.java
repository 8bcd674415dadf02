package org.dossier.gateway.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Calls article-service with a timeout, a retry for passing faults and a circuit breaker for an outage. */
@ApplicationScoped
public class ArticleClient {

    private final ArticleServiceApi api;

    ArticleClient(@RestClient ArticleServiceApi api) {
        this.api = api;
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public List<ArticleRecord> lookup(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : api.lookup(ids);
    }
}
