package org.dossier.gateway.http;

import com.github.benmanes.caffeine.cache.Ticker;
import graphql.ExecutionResult;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.OperationDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.dossier.events.Topics;
import org.dossier.gateway.config.AnswerCacheConfig;
import org.dossier.gateway.config.AnswerCompressionConfig;
import org.dossier.gateway.config.GatewayLimitsConfig;
import org.dossier.gateway.graphql.RequestLimits;
import org.dossier.gateway.http.AnswerEncoding.EncodedAnswer;
import org.jboss.logging.Logger;

/**
 * Answers a GraphQL query again from memory while nothing it was computed from can have changed.
 * <p>
 * Analysts' frontends ask the same questions again and again (a dashboard's flagship query, a page reloaded), and an
 * answer of the flagship query is 0.8 MB of JSON that takes the gateway and three services about 70 ms of work. Every
 * change to the data the gateway serves is announced on a Kafka topic it reads ({@code article.events},
 * {@code analysis.events}, {@code timeline.events}), and every announcement ends all stored answers (see
 * {@link AnswerCache} for why an answer computed during a change is never served).
 * <p>
 * What is stored: successful answers (data, no error entry) to queries, keyed by document, operation name, variables
 * and extensions. Never stored: answers with errors (a service down, a timeout, a limit), mutations and
 * subscriptions, answers selecting a field whose changes nobody announces ({@code uncached-fields}), and anything
 * while the gateway is not yet reading every announcement (at start, or after its consumers lost their partitions).
 * A client that must see the services' current state sends {@code Cache-Control: no-cache}; each answer says where
 * it came from in {@code X-Cache: HIT} or {@code MISS}.
 * <p>
 * Whole answers go out gzipped to clients that accept it ({@link AnswerEncoding}); a stored answer is compressed once,
 * when it is stored.
 */
@ApplicationScoped
public class CachedAnswers {

    static final String HEADER = "X-Cache";
    private static final Logger LOG = Logger.getLogger(CachedAnswers.class);
    private static final String REQUEST = "dossier.answer.request";
    private static final String GENERATION = "dossier.answer.generation";
    private static final String EXECUTION = "dossier.answer.execution";
    /** An HTTP request whose whole answer the recorder writes itself (see {@link #recorder}). */
    private static final String WRITES_ANSWER = "dossier.answer.written-here";
    private static final Set<String> ANNOUNCING_TOPICS = Set.of(Topics.ARTICLE_EVENTS, Topics.ANALYSIS_EVENTS, Topics.TIMELINE_EVENTS);

    private final AnswerCacheConfig config;
    private final AnswerCache cache;
    private final AnswerEncoding encoding;
    private final Set<TopicPartition> readPartitions = ConcurrentHashMap.newKeySet();
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final GatewayLimitsConfig limits;
    private final Counter hits;
    private final Counter shared;
    private final Counter misses;
    private final Counter bypasses;

    /** A request being executed, keyed by generation and request, and the answer others asking the same wait for. */
    private static final class Execution {
        final String key;
        final CompletableFuture<EncodedAnswer> answer = new CompletableFuture<>();

        Execution(String key) {
            this.key = key;
        }
    }

    CachedAnswers(AnswerCacheConfig config, AnswerCompressionConfig compression, GatewayLimitsConfig limits,
                  MeterRegistry registry) {
        this.config = config;
        this.limits = limits;
        this.cache = new AnswerCache(config.maxSize().asLongValue(), config.maxAge(), Ticker.systemTicker());
        this.encoding = new AnswerEncoding(compression.enabled(), (int) Math.min(Integer.MAX_VALUE,
                compression.minSize().asLongValue()), compression.level());
        this.hits = answers(registry, "hit");
        this.shared = answers(registry, "shared");
        this.misses = answers(registry, "miss");
        this.bypasses = answers(registry, "bypass");
        Gauge.builder("dossier.gateway.answer.cache.bytes", cache, AnswerCache::weight)
                .description("Bytes of answers (and their requests) held by the answer cache").register(registry);
    }

    private static Counter answers(MeterRegistry registry, String outcome) {
        return Counter.builder("dossier.gateway.answers").tag("cache", outcome)
                .description("GraphQL requests over HTTP, by what the answer cache did for them").register(registry);
    }

    /** Route handler, after the body is read: a stored answer is sent at once; otherwise the request goes on. */
    void serve(RoutingContext context) {
        HttpMethod method = context.request().method();
        if (context.request().getHeader(HttpHeaders.UPGRADE) != null || (method != HttpMethod.GET && method != HttpMethod.POST)) {
            context.next();
            return;
        }
        context.put(WRITES_ANSWER, true);
        if (!config.enabled()) {
            context.next();
            return;
        }
        String request = requestKey(context);
        if (request == null) { // not a well-formed GraphQL request: the layers below answer it
            context.next();
            return;
        }
        long generation = cache.generation();
        if (refreshRequested(context)) {
            bypasses.increment();
        } else {
            Optional<EncodedAnswer> answer = cache.find(request);
            if (answer.isPresent()) {
                hits.increment();
                send(context, answer.get());
                return;
            }
            // Asked while the same question is being answered: wait for that answer rather than compute it again.
            // After a change is announced, every client of a dashboard asks at once.
            Execution execution = new Execution(generation + "\0" + request);
            Execution running = executions.putIfAbsent(execution.key, execution);
            if (running != null) {
                shared.increment();
                awaitAnswer(context, running);
                return;
            }
            misses.increment();
            context.put(EXECUTION, execution);
            // However the request ends (answered, failed, its client gone while it waited its turn), the others go on.
            context.addBodyEndHandler(ended -> finish(execution, null));
            GraphQlHttpConventions.onClose(context, () -> finish(execution, null));
        }
        context.response().putHeader(HEADER, "MISS");
        if (readingEveryAnnouncement()) {
            context.put(REQUEST, request);
            context.put(GENERATION, generation);
        }
        context.next();
    }

    private void send(RoutingContext context, EncodedAnswer answer) {
        GraphQlHttpConventions.markExecuted(context);
        context.response().putHeader(HEADER, "HIT");
        write(context, answer);
    }

    /** Ends the response with a whole answer: gzipped if the client accepts it and it was compressed, else as written. */
    private void write(RoutingContext context, EncodedAnswer answer) {
        HttpServerResponse response = context.response().putHeader(HttpHeaders.CONTENT_TYPE, answerType(context));
        if (encoding.enabled()) {
            response.headers().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING); // added: CORS varies by Origin
        }
        if (answer.gzip() != null && acceptsGzip(context)) {
            response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip").end(answer.gzip());
        } else {
            response.end(answer.json());
        }
    }

    private static boolean acceptsGzip(RoutingContext context) {
        return AnswerEncoding.acceptsGzip(context.request().getHeader(HttpHeaders.ACCEPT_ENCODING));
    }

    /** The media type of a whole answer: the GraphQL response type to clients that ask for it, JSON to the others. */
    private static String answerType(RoutingContext context) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(GraphQlHttpConventions.GRAPHQL_RESPONSE)
                ? GraphQlHttpConventions.GRAPHQL_RESPONSE : "application/json;charset=UTF-8";
    }

    /** Sends the answer of a running execution of the same request, or executes this one if that gives none. */
    private void awaitAnswer(RoutingContext context, Execution running) {
        io.vertx.core.Context vertxContext = io.vertx.core.Vertx.currentContext();
        running.answer.orTimeout(limits.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((answer, failure) -> vertxContext.runOnContext(ignored -> {
                    if (context.response().closed() || context.response().ended()) {
                        return;
                    }
                    if (answer != null) {
                        send(context, answer);
                    } else { // an error, a timeout, an answer that may not be shared: computed for this client
                        context.response().putHeader(HEADER, "MISS");
                        context.next();
                    }
                }));
    }

    private void finish(Execution execution, EncodedAnswer answer) {
        executions.remove(execution.key, execution);
        execution.answer.complete(answer);
    }

    /** The data the gateway serves may have changed (an announcement arrived): no stored answer is served again. */
    public void dataChanged() {
        cache.invalidate();
    }

    /** The partitions a consumer of the announcements now reads, positioned: from now on it misses nothing. */
    public void partitionsAssigned(Consumer<?, ?> consumer, java.util.Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            // "latest" is resolved lazily on the next fetch; resolve it now, so that "assigned" means "reading from here".
            consumer.position(partition);
        }
        readPartitions.addAll(partitions);
    }

    /** Partitions no longer read: announcements may be missed, so what is stored may go stale unseen. */
    public void partitionsGone(java.util.Collection<TopicPartition> partitions) {
        readPartitions.removeAll(partitions);
        cache.invalidate();
    }

    private boolean readingEveryAnnouncement() {
        return ANNOUNCING_TOPICS.stream().allMatch(topic -> readPartitions.stream().anyMatch(p -> p.topic().equals(topic)));
    }

    private static boolean refreshRequested(RoutingContext context) {
        String control = context.request().getHeader(HttpHeaders.CACHE_CONTROL);
        if (control == null) {
            return false;
        }
        String directives = control.toLowerCase(Locale.ROOT);
        return directives.contains("no-cache") || directives.contains("no-store") || directives.contains("max-age=0");
    }

    /** The request as the cache knows it (document, operation, variables, extensions), or null if it is malformed. */
    private static String requestKey(RoutingContext context) {
        if (GraphQlHttpConventions.requestShapeProblem(context) != null) {
            return null;
        }
        String query;
        String operationName;
        Object variables;
        Object extensions;
        if (context.request().method() == HttpMethod.GET) {
            query = context.request().getParam("query");
            operationName = context.request().getParam("operationName");
            variables = context.request().getParam("variables");
            extensions = context.request().getParam("extensions");
            variables = variables == null ? null : new JsonObject((String) variables).encode();
            extensions = extensions == null ? null : new JsonObject((String) extensions).encode();
        } else if (GraphQlHttpConventions.isGraphQlDocument(context.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            query = context.body().asString();
            operationName = context.request().getParam("operationName");
            variables = null;
            extensions = null;
        } else {
            JsonObject body = context.body().asJsonObject();
            query = body.getString("query");
            operationName = body.getString("operationName");
            variables = body.getJsonObject("variables") == null ? null : body.getJsonObject("variables").encode();
            extensions = body.getJsonObject("extensions") == null ? null : body.getJsonObject("extensions").encode();
        }
        if (query == null) {
            return null;
        }
        // NUL cannot occur in JSON text unescaped, so the parts cannot run into each other.
        return query + '\0' + operationName + '\0' + variables + '\0' + extensions;
    }

    /**
     * Writes the whole answers to GraphQL requests over HTTP, and stores those {@link #serve} marked once they are
     * known to be cacheable.
     * <p>
     * An answer with data and no error is written here ({@link AnswerJson}), straight from graphql-java's result.
     * SmallRye's writer would first copy the answer into a tree of JSON values and then print that: for the flagship
     * query's 0.8 MB, three times the time of writing it here (byte for byte the same text, {@code AnswerJsonTest}).
     * SmallRye's writer then finds the response written and leaves it (it takes that for a client gone). Answers with
     * errors, and subscriptions, are left to SmallRye, which formats errors its own way.
     */
    public Instrumentation recorder(Supplier<RoutingContext> currentRequest) {
        return new SimplePerformantInstrumentation() {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                                 InstrumentationState state) {
                RoutingContext context = currentRequest.get();
                Execution execution = context == null ? null : context.get(EXECUTION);
                if (execution != null && !cacheable(parameters.getExecutionContext())) {
                    context.remove(REQUEST);
                    context.remove(EXECUTION);
                    finish(execution, null); // the others compute their own
                }
                return SimpleInstrumentationContext.noOp();
            }

            @Override
            public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                                InstrumentationExecutionParameters parameters,
                                                                                InstrumentationState state) {
                RoutingContext context = currentRequest.get();
                if (context == null || !Boolean.TRUE.equals(context.get(WRITES_ANSWER))) {
                    return CompletableFuture.completedFuture(result);
                }
                Execution execution = context.get(EXECUTION);
                // Not stored while the gateway may miss announcements; still shared with those who asked at once.
                String request = execution != null ? context.get(REQUEST) : null;
                // compressed once for all the clients a stored answer will serve, or for this client alone
                EncodedAnswer answer = whole(result) ? encoded(result, request != null || acceptsGzip(context)) : null;
                if (answer != null && request != null) {
                    cache.store(request, context.<Long>get(GENERATION), answer);
                }
                // Those waiting for this answer get it before the response ends: ending it runs the end handler that
                // would otherwise release them with nothing, each to compute its own.
                if (execution != null) {
                    finish(execution, answer);
                }
                if (answer != null && !context.response().ended() && !context.response().closed()) {
                    write(context, answer);
                }
                return CompletableFuture.completedFuture(result);
            }
        };
    }

    /** An answer with data and no error entry (of a query or a mutation: a subscription's data is a stream). */
    private static boolean whole(ExecutionResult result) {
        return result.isDataPresent() && result.getErrors().isEmpty() && result.getData() instanceof Map;
    }

    /** The answer as it is served, or null if it cannot be written (then SmallRye writes it). */
    private EncodedAnswer encoded(ExecutionResult result, boolean compress) {
        try {
            return encoding.encode(AnswerJson.write(result), compress);
        } catch (IOException e) {
            LOG.warnf("answer left to SmallRye's writer: %s", e.getMessage());
            return null;
        }
    }

    /** A query that selects no field whose changes go unannounced. */
    private boolean cacheable(ExecutionContext execution) {
        if (execution.getOperationDefinition().getOperation() != OperationDefinition.Operation.QUERY) {
            return false;
        }
        try {
            return !selectsAny(RequestLimits.traverser(execution), config.uncachedFields());
        } catch (RuntimeException e) { // whatever the walk trips over, the answer is still given, only not kept
            LOG.debugf("answer not cached, its fields could not be walked: %s", e.getMessage());
            return false;
        }
    }

    /** Whether the operation selects one of the given fields ({@code Type.field}), through fragments too. */
    static boolean selectsAny(QueryTraverser operation, Set<String> fields) {
        boolean[] found = {false};
        operation.visitPreOrder(new QueryVisitorStub() {
            @Override
            public void visitField(QueryVisitorFieldEnvironment field) {
                if (!found[0] && !field.isTypeNameIntrospectionField() && fields.contains(field.getFieldsContainer().getName() + "." + field.getFieldDefinition().getName())) {
                    found[0] = true;
                }
            }
        });
        return found[0];
    }
}
