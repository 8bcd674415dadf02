package org.dossier.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Limits on one GraphQL request, beyond the depth, field-count and token limits graphql-java enforces itself
 * ({@code quarkus.smallrye-graphql.instrumentation-query-*}, {@code parser-max-tokens}).
 */
@ConfigMapping(prefix = "dossier.gateway.limits")
@io.quarkus.arc.Unremovable
public interface GatewayLimitsConfig {

    /** Longest query text, in characters. The contract's whole operations document is about 4,000. */
    @WithDefault("20000")
    int maxQueryLength();

    /** Most aliased fields in one operation: aliases multiply the work of one field without deepening the query. */
    @WithDefault("30")
    int maxAliases();

    /**
     * Highest query cost: every field counts once for each item its enclosing connections can return, taken from
     * their {@code first} arguments (as GitHub's node limit does). The flagship query costs about 56,000 with its
     * default of 50 officials (50 statements each) and 112,000 with 100; with 250 it is refused.
     */
    @WithDefault("250000")
    long maxCost();

    /**
     * GraphQL requests executed at once; more wait their turn, first come first served. Answers are CPU-bound (a
     * flagship answer is 0.8 MB of JSON): running everything that arrives at once only makes every request slow
     * enough to run into the timeouts. 0: twice the processors the JVM sees.
     */
    @WithDefault("0")
    int maxConcurrentRequests();

    /** Requests that may wait for their turn; beyond, a 503 with Retry-After. */
    @WithDefault("256")
    int maxQueuedRequests();

    /**
     * Largest GraphQL request body (a POST's JSON: document, variables); a larger one is refused with 413. Requests
     * waiting their turn hold their bodies, so this also bounds the memory of the queue.
     */
    @WithDefault("256K")
    MemorySize maxRequestSize();

    /** Time one request may take; fields not yet resolved when it runs out are left null with an error. */
    @WithDefault("10s")
    Duration requestTimeout();
}
