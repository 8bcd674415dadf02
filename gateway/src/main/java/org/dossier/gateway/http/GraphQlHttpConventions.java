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
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.dossier.gateway.config.GatewayLimitsConfig;
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

    private final Admission admission;
    private final CachedAnswers answers;
    private final long maxRequestSize;

    GraphQlHttpConventions(GatewayLimitsConfig limits, CachedAnswers answers) {
        int concurrent = limits.maxConcurrentRequests() > 0 ? limits.maxConcurrentRequests()
                : 2 * Runtime.getRuntime().availableProcessors();
        this.admission = new Admission(concurrent, limits.maxQueuedRequests());
        this.answers = answers;
        this.maxRequestSize = limits.maxRequestSize().asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(GraphQlHttpConventions::apply, 100);
    }

    /**
     * Before SmallRye's GraphQL route: the body is read (up to the size limit), a stored answer is sent if there is one
     * ({@link CachedAnswers}), and the rest wait for their turn ({@link #admit}).
     * <p>
     * SmallRye GraphQL fails with a ClassCastException, a 500, on a request whose parameters have the wrong JSON type
     * ({@code "query": {}}, {@code "variables": "x"}). Such a failure is answered 400, naming the parameter.
     */
    void registerRoutes(@Observes io.vertx.ext.web.Router router) {
        router.route("/graphql").order(-100).failureHandler(GraphQlHttpConventions::malformedRequest);
        // SmallRye's route reads the body again only if nothing has: Vert.x's body handler runs once per request.
        router.route("/graphql").order(-90)
                .handler(BodyHandler.create(false).setBodyLimit(maxRequestSize))
                .handler(answers::serve)
                .handler(this::admit);
    }

    static void malformedRequest(RoutingContext context) {
        if (context.statusCode() == 413) { // a body over the limit: the status says it all
            context.next();
            return;
        }
        String problem = context.response().headWritten() ? null : requestShapeProblem(context);
        if (problem == null) {
            context.next();
            return;
        }
        context.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new io.vertx.core.json.JsonObject().put("errors", new io.vertx.core.json.JsonArray()
                        .add(new io.vertx.core.json.JsonObject().put("message", problem))).encode());
    }

    /** What is wrong with the shape of a GraphQL request (parameter types), or null when nothing is. */
    static String requestShapeProblem(RoutingContext context) {
        if (context.request().method() == HttpMethod.GET) {
            for (String parameter : new String[] {"variables", "extensions"}) {
                String value = context.request().getParam(parameter);
                if (value != null && !isJsonObject(value)) {
                    return "\"" + parameter + "\" must be a JSON object";
                }
            }
            return null;
        }
        if (isGraphQlDocument(context.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            return null; // the body is the document itself
        }
        Object body;
        try {
            body = context.body().asJsonObject();
        } catch (RuntimeException e) {
            return "the body must be a JSON object: {\"query\": \"...\", \"variables\": {...}}";
        }
        if (body == null) {
            return "the body must be a JSON object: {\"query\": \"...\", \"variables\": {...}}";
        }
        io.vertx.core.json.JsonObject request = (io.vertx.core.json.JsonObject) body;
        if (!(request.getValue("query") instanceof String)) {
            return "\"query\" must be a string holding the GraphQL document";
        }
        Object operationName = request.getValue("operationName");
        if (operationName != null && !(operationName instanceof String)) {
            return "\"operationName\" must be a string or null";
        }
        for (String parameter : new String[] {"variables", "extensions"}) {
            Object value = request.getValue(parameter);
            if (value != null && !(value instanceof io.vertx.core.json.JsonObject)) {
                return "\"" + parameter + "\" must be a JSON object or null";
            }
        }
        return null;
    }

    private static boolean isJsonObject(String text) {
        try {
            return io.vertx.core.json.Json.decodeValue(text) instanceof io.vertx.core.json.JsonObject;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** GraphQL requests beyond the concurrency limit wait in a queue (or get 503 when it is full). */
    void admit(RoutingContext context) {
        if (!isGraphQlExchange(context)) {
            context.next();
            return;
        }
        io.vertx.core.Context vertxContext = io.vertx.core.Vertx.currentContext();
        Admission.Ticket ticket = new Admission.Ticket(() -> vertxContext.runOnContext(ignored -> context.next()));
        // The place is freed when the answer is written, or when the client goes away, waiting or running. The
        // response's close handler is this request's own (Quarkus' response wrapper dispatches it); the routing
        // context's end handlers never fire behind that wrapper.
        context.addBodyEndHandler(ended -> admission.finish(ticket));
        onClose(context, () -> admission.finish(ticket));
        if (!admission.enter(ticket)) {
            context.response().setStatusCode(503).putHeader("Retry-After", "1")
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end("{\"errors\":[{\"message\":\"The gateway is at its limit of queued requests (maximum queued "
                            + "requests); retry shortly.\"}]}");
        }
    }

    /** A counting gate with a bounded first-come-first-served queue. */
    static final class Admission {

        /** One request: waiting, then running, then done (answered, or its client gone). */
        static final class Ticket {
            private final Runnable proceed;
            private boolean running;
            private boolean done;

            Ticket(Runnable proceed) {
                this.proceed = proceed;
            }
        }

        private final int concurrent;
        private final int queued;
        private final java.util.ArrayDeque<Ticket> waiting = new java.util.ArrayDeque<>();
        private int running;

        Admission(int concurrent, int queued) {
            this.concurrent = concurrent;
            this.queued = queued;
        }

        /** Runs the ticket now or once a place frees; false when neither a place nor room in the queue is left. */
        boolean enter(Ticket ticket) {
            synchronized (this) {
                if (running >= concurrent) {
                    if (waiting.size() >= queued) {
                        ticket.done = true;
                        return false;
                    }
                    waiting.add(ticket);
                    return true;
                }
                running++;
                ticket.running = true;
            }
            ticket.proceed.run();
            return true;
        }

        /** The ticket's request is over: a waiting one leaves the queue, a running one hands its place on. */
        void finish(Ticket ticket) {
            Ticket next;
            synchronized (this) {
                if (ticket.done) {
                    return;
                }
                ticket.done = true;
                if (!ticket.running) {
                    waiting.remove(ticket);
                    return;
                }
                next = waiting.poll();
                if (next == null) {
                    running--;
                    return;
                }
                next.running = true;
            }
            next.proceed.run();
        }

        synchronized int running() {
            return running;
        }

        synchronized int waiting() {
            return waiting.size();
        }
    }

    private static final String CLOSE_ACTIONS = "dossier.http.close-actions";

    /**
     * Runs the action when the client goes away (the connection closes). A response has a single close handler, and
     * the admission gate and the answer cache both need one: it runs every action registered.
     */
    @SuppressWarnings("unchecked")
    static void onClose(RoutingContext context, Runnable action) {
        java.util.List<Runnable> actions = context.get(CLOSE_ACTIONS);
        if (actions == null) {
            java.util.List<Runnable> registered = new java.util.concurrent.CopyOnWriteArrayList<>();
            context.put(CLOSE_ACTIONS, registered);
            context.response().closeHandler(closed -> registered.forEach(Runnable::run));
            actions = registered;
        }
        actions.add(action);
    }

    /** A POST whose body is the GraphQL document itself ({@code application/graphql}). */
    static boolean isGraphQlDocument(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("application/graphql") && !type.startsWith(GRAPHQL_RESPONSE);
    }

    /** Notes that the request was answered by executing its document (or from a stored execution). */
    static void markExecuted(RoutingContext context) {
        context.put(EXECUTED, true);
    }

    /** A GraphQL request over plain HTTP (not the WebSocket upgrade of a subscription). */
    private static boolean isGraphQlExchange(RoutingContext context) {
        String path = context.normalizedPath();
        return ("/graphql".equals(path) || "/graphql/".equals(path)) && context.request().getHeader(HttpHeaders.UPGRADE) == null;
    }

    static void apply(RoutingContext context) {
        HttpMethod method = context.request().method();
        if (!isGraphQlExchange(context) || (method != HttpMethod.POST && method != HttpMethod.GET)) {
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
                    markExecuted(context);
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
