package org.dossier.gateway.client;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Counts calls to each downstream service (metric dossier.gateway.downstream.calls), so batching can be checked. */
@ApplicationScoped
public class DownstreamCalls {

    private final MeterRegistry registry;

    DownstreamCalls(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String service) {
        registry.counter("dossier.gateway.downstream.calls", "service", service).increment();
    }

    public double total(String service) {
        var counter = registry.find("dossier.gateway.downstream.calls").tag("service", service).counter();
        return counter == null ? 0 : counter.count();
    }
}
