package org.dossier.gateway.config;

import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.SubscriptionExecutionStrategy;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;
import org.dossier.gateway.http.CachedAnswers;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.execution.error.ExceptionHandler;
import io.smallrye.graphql.spi.EventingService;
import java.util.ArrayList;
import java.util.List;
import org.dossier.gateway.graphql.EventByEventSubscriptionStrategy;
import org.dossier.gateway.graphql.LeanBatchFetching;
import org.dossier.gateway.graphql.DownstreamErrors;
import org.dossier.gateway.graphql.LeanExecutionStrategy;
import org.dossier.gateway.graphql.LeanInstrumentationChain;
import org.dossier.gateway.graphql.RequestLimits;
import org.dossier.gateway.http.GraphQlHttpConventions;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Adds the gateway's instrumentation to what SmallRye GraphQL sets up (depth, field count, query cache): lean batch
 * fetching, the request limits, the note of how a request ended that lets the HTTP layer choose the status code, and
 * the answer cache's recorder; and the lean execution of queries ({@link LeanExecutionStrategy}).
 * Unless introspection is turned off, every field is visible without a check per field.
 * <p>
 * A SmallRye eventing service (META-INF/services), always on, that only acts when the GraphQL engine is built. The
 * CDI events SmallRye can fire instead ({@code quarkus.smallrye-graphql.events.enabled}) would also be fired for
 * every field of every answer: 4% of the gateway's time on the flagship query, for nothing.
 */
public class GraphQlInstrumentationSetup implements EventingService {

    private static final Logger LOG = Logger.getLogger(GraphQlInstrumentationSetup.class);
    private static final String FIELD_VISIBILITY = "quarkus.smallrye-graphql.field-visibility";

    @Override
    public String getConfigKey() {
        return null; // no switch: always on
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        GatewayLimitsConfig limits = Arc.container().instance(GatewayLimitsConfig.class).get();
        // The builder has no getters: a throw-away build reads what SmallRye configured, to keep it.
        GraphQL configured = builder.build();
        Supplier<RoutingContext> currentRequest = () -> {
            var request = Arc.container().instance(CurrentVertxRequest.class);
            return request.isAvailable() ? request.get().getCurrent() : null;
        };
        var outcome = GraphQlHttpConventions.outcomeRecorder(currentRequest);
        // LeanBatchFetching first: it replaces SmallRye's batch fetchers, which the others then wrap. One flat chain
        // (a chain inside a chain would allocate twice per field), which asks about each field only the members that
        // act on fields.
        List<Instrumentation> chain = new ArrayList<>(List.of(new LeanBatchFetching(), new RequestLimits(limits), outcome));
        if (configured.getInstrumentation() instanceof ChainedInstrumentation smallRyes) {
            chain.addAll(smallRyes.getInstrumentations());
        } else {
            chain.add(configured.getInstrumentation());
        }
        // Last: it stores the answer as it leaves, after every other instrumentation has had its say on it.
        chain.add(Arc.container().instance(CachedAnswers.class).get().recorder(currentRequest));
        builder.instrumentation(new LeanInstrumentationChain(chain));
        // SmallRye leaves queries to graphql-java's default strategy, with SmallRye's exception handler; a strategy
        // of its own (a later SmallRye) is kept.
        if (configured.getQueryStrategy().getClass() == AsyncExecutionStrategy.class) {
            LeanExecutionStrategy strategy = new LeanExecutionStrategy(new DownstreamErrors(new ExceptionHandler()));
            builder.queryExecutionStrategy(strategy);
            MeterRegistry registry = Arc.container().instance(MeterRegistry.class).get();
            FunctionCounter.builder("dossier.gateway.query.executions", strategy, LeanExecutionStrategy::answeredLevelByLevel)
                    .description("Queries executed, by the way they were answered").tag("path", "level").register(registry);
            FunctionCounter.builder("dossier.gateway.query.executions", strategy, LeanExecutionStrategy::fellBack)
                    .description("Queries executed, by the way they were answered").tag("path", "fell-back").register(registry);
        } else {
            LOG.warnf("SmallRye's query strategy %s kept: queries take graphql-java's general path",
                    configured.getQueryStrategy().getClass().getName());
        }
        // An event whose non-null field could not be completed (a downstream service down) must not end the subscription.
        if (configured.getSubscriptionStrategy().getClass() == SubscriptionExecutionStrategy.class) {
            builder.subscriptionExecutionStrategy(new EventByEventSubscriptionStrategy(new DownstreamErrors(new ExceptionHandler())));
        } else {
            LOG.warnf("SmallRye's subscription strategy %s kept: an event with a null in a non-null field ends its subscription",
                    configured.getSubscriptionStrategy().getClass().getName());
        }
        if (allFieldsVisible()) {
            // SmallRye reads the setting "default" as a pattern of fields to hide: a regular expression matched on
            // every field of every answer (3% of the gateway's time on the flagship query), hiding nothing.
            GraphQLSchema schema = configured.getGraphQLSchema();
            builder.schema(schema.transform(s -> s.codeRegistry(schema.getCodeRegistry()
                    .transform(r -> r.fieldVisibility(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY)))));
        }
        return builder;
    }

    private static boolean allFieldsVisible() {
        String visibility = ConfigProvider.getConfig().getOptionalValue(FIELD_VISIBILITY, String.class).orElse("").trim();
        return visibility.isEmpty() || visibility.equals("default");
    }
}
