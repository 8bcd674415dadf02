package org.dossier.gateway.config;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.dossier.gateway.graphql.RequestLimits;

/** Adds the gateway's request limits to the instrumentation SmallRye GraphQL sets up (depth, field count, query cache). */
@ApplicationScoped
public class GraphQlLimitsSetup {

    private final GatewayLimitsConfig limits;

    GraphQlLimitsSetup(GatewayLimitsConfig limits) {
        this.limits = limits;
    }

    void addLimits(@Observes GraphQL.Builder builder) {
        // The builder has no getter: a throw-away build reads the instrumentation SmallRye configured, to keep it.
        var configured = builder.build().getInstrumentation();
        builder.instrumentation(new ChainedInstrumentation(List.of(new RequestLimits(limits), configured)));
    }
}
