package org.dossier.gateway.config;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.dossier.gateway.graphql.RequestLimits;
import org.dossier.gateway.http.GraphQlHttpConventions;

/**
 * Adds the gateway's instrumentation to what SmallRye GraphQL sets up (depth, field count, query cache): the request
 * limits, and the note of how a request ended that lets the HTTP layer choose the status code.
 */
@ApplicationScoped
public class GraphQlInstrumentationSetup {

    private final GatewayLimitsConfig limits;

    GraphQlInstrumentationSetup(GatewayLimitsConfig limits) {
        this.limits = limits;
    }

    void addInstrumentation(@Observes GraphQL.Builder builder) {
        // The builder has no getter: a throw-away build reads the instrumentation SmallRye configured, to keep it.
        var configured = builder.build().getInstrumentation();
        var outcome = GraphQlHttpConventions.outcomeRecorder(() -> {
            var request = Arc.container().instance(CurrentVertxRequest.class);
            return request.isAvailable() ? request.get().getCurrent() : null;
        });
        builder.instrumentation(new ChainedInstrumentation(List.of(new RequestLimits(limits), outcome, configured)));
    }
}
