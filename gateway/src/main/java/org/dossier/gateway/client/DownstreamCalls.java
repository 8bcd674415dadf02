package org.dossier.gateway.client;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts calls to each downstream service (metric dossier.gateway.downstream.calls), so batching can be checked:
 * tag {@code caller} is {@code query} for calls made to answer a query, {@code subscription} for the live feeds.
 */
@ApplicationScoped
public class DownstreamCalls {

    private final MeterRegistry registry;

    DownstreamCalls(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String service) {
        registry.counter("dossier.gateway.downstream.calls", "service", service, "caller", "query").increment();
    }

    void countForSubscriptions(String service) {
        registry.counter("dossier.gateway.downstream.calls", "service", service, "caller", "subscription").increment();
    }
}
