package org.dossier.gateway.config;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.spi.EventingService;
import java.util.List;
import org.dossier.gateway.graphql.LeanBatchFetching;
import org.dossier.gateway.graphql.RequestLimits;
import org.dossier.gateway.http.GraphQlHttpConventions;

/**
 * Adds the gateway's instrumentation to what SmallRye GraphQL sets up (depth, field count, query cache): the request
 * limits, the note of how a request ended that lets the HTTP layer choose the status code, and lean batch fetching.
 * <p>
 * A SmallRye eventing service (META-INF/services), always on, that only acts when the GraphQL engine is built. The
 * CDI events SmallRye can fire instead ({@code quarkus.smallrye-graphql.events.enabled}) would also be fired for
 * every field of every answer: 4% of the gateway's time on the flagship query, for nothing.
 */
public class GraphQlInstrumentationSetup implements EventingService {

    @Override
    public String getConfigKey() {
        return null; // no switch: always on
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        GatewayLimitsConfig limits = Arc.container().instance(GatewayLimitsConfig.class).get();
        // The builder has no getter: a throw-away build reads the instrumentation SmallRye configured, to keep it.
        var configured = builder.build().getInstrumentation();
        var outcome = GraphQlHttpConventions.outcomeRecorder(() -> {
            var request = Arc.container().instance(CurrentVertxRequest.class);
            return request.isAvailable() ? request.get().getCurrent() : null;
        });
        // LeanBatchFetching first: it replaces SmallRye's batch fetchers, which the others then wrap.
        return builder.instrumentation(new ChainedInstrumentation(List.of(new LeanBatchFetching(), new RequestLimits(limits),
                outcome, configured)));
    }
}
