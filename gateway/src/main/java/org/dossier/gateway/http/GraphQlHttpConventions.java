package org.dossier.gateway.http;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * GraphQL over HTTP as the specification recommends, where SmallRye GraphQL answers 200 to everything:
 * <ul>
 *   <li>a POST whose body is not JSON (or GraphQL) by its Content-Type is refused with 415;</li>
 *   <li>a request that never reached execution (a body that is not JSON, no query) gets 400;</li>
 *   <li>a client asking for {@code application/graphql-response+json} gets 400 when the request itself was wrong
 *       (unparseable or invalid document, variables of the wrong type, a limit exceeded): no data at all;</li>
 *   <li>a client that does not ask for that type (no Accept, or {@code *}{@code /*}) gets {@code application/json}, the
 *       type every GraphQL client understands, and 200 for any document it could send, as the specification asks.</li>
 * </ul>
 */
@ApplicationScoped
public class GraphQlHttpConventions {

    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final String EXECUTED = "dossier.graphql.executed";
    private static final String REQUEST_ERROR = "dossier.graphql.request-error";

    void register(@Observes Filters filters) {
        filters.register(GraphQlHttpConventions::apply, 100);
    }

    static void apply(RoutingContext context) {
        String path = context.normalizedPath();
        HttpMethod method = context.request().method();
        boolean graphQl = "/graphql".equals(path) || "/graphql/".equals(path);
        boolean upgrade = context.request().getHeader(HttpHeaders.UPGRADE) != null;
        if (!graphQl || upgrade || (method != HttpMethod.POST && method != HttpMethod.GET)) {
            context.next();
            return;
        }
        if (method == HttpMethod.POST && !jsonOrGraphQl(context.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            context.response().setStatusCode(415).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end("{\"errors\":[{\"message\":\"POST a JSON body with Content-Type: application/json "
                            + "({\\\"query\\\": ..., \\\"variables\\\": ...}).\"}]}");
            return;
        }
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        boolean wantsGraphQlResponse = accept != null && accept.contains(GRAPHQL_RESPONSE);
        context.addHeadersEndHandler(ignored -> {
            var response = context.response();
            if (response.getStatusCode() == 200) {
                boolean executed = Boolean.TRUE.equals(context.get(EXECUTED));
                // Not executed: either the document did not parse (a GraphQL error, like an invalid one), or the
                // request carried no document at all (a body that is not JSON, no query).
                boolean documentError = !executed && carriesQuery(context);
                boolean requestError = Boolean.TRUE.equals(context.get(REQUEST_ERROR)) || documentError;
                if ((!executed && !documentError) || (wantsGraphQlResponse && requestError)) {
                    response.setStatusCode(400);
                }
            }
            String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
            if (!wantsGraphQlResponse && type != null && type.startsWith(GRAPHQL_RESPONSE)) {
                response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8");
            }
        });
        context.next();
    }

    private static boolean carriesQuery(RoutingContext context) {
        if (context.request().method() == HttpMethod.GET) {
            return context.request().getParam("query") != null;
        }
        try {
            return context.body().asJsonObject().getValue("query") instanceof String;
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private static boolean jsonOrGraphQl(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/json") || type.equals(GRAPHQL_RESPONSE) || type.equals("application/graphql");
    }

    /**
     * Notes on the HTTP request whether its GraphQL request was executed and whether it failed as a whole (no data):
     * what {@link #apply} needs to choose the status code.
     */
    public static Instrumentation outcomeRecorder(Supplier<RoutingContext> currentRequest) {
        return new SimplePerformantInstrumentation() {
            @Override
            public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
                RoutingContext context = currentRequest.get();
                if (context != null) {
                    context.put(EXECUTED, true);
                }
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                                InstrumentationExecutionParameters parameters,
                                                                                InstrumentationState state) {
                RoutingContext context = currentRequest.get();
                if (context != null && !result.isDataPresent()) {
                    context.put(REQUEST_ERROR, true);
                }
                return CompletableFuture.completedFuture(result);
            }
        };
    }
}
