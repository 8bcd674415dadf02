package org.dossier.gateway.graphql;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.ExecutionResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.time.Duration;
import org.dossier.gateway.config.GatewayLimitsConfig;

/**
 * The gateway's own request limits, as a graphql-java instrumentation: query length, aliases and cost are checked
 * once the operation is parsed and validated, before any field resolves (so before any downstream call); the
 * request timeout is checked before each field resolves. Each violation is an error that names its limit.
 */
public class RequestLimits extends SimplePerformantInstrumentation implements LeanInstrumentationChain.LeavesTrivialFetchersAlone {

    private final GatewayLimitsConfig limits;

    public RequestLimits(GatewayLimitsConfig limits) {
        this.limits = limits;
    }

    /** Where the request's start (System.nanoTime) is kept, for its timeout: in its context, not in an instrumentation
     * state, so that checking the timeout per field needs no lookup of this instrumentation's state in a chain. */
    private static final String STARTED = RequestLimits.class.getName() + ".started";

    /** What an operation asks for, as the limits measure it. */
    public record Demand(long cost, int aliases) {
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                  InstrumentationState state) {
        parameters.getGraphQLContext().put(STARTED, System.nanoTime());
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        String query = context.getExecutionInput().getQuery();
        if (query != null && query.length() > limits.maxQueryLength()) {
            throw new AbortExecutionException("The query is " + query.length() + " characters long; the limit is "
                    + limits.maxQueryLength() + " (maximum query length).");
        }
        Demand demand = measure(traverser(context));
        if (demand.aliases() > limits.maxAliases()) {
            throw new AbortExecutionException("The query uses " + demand.aliases() + " aliases; the limit is "
                    + limits.maxAliases() + " (maximum aliases).");
        }
        if (demand.cost() > limits.maxCost()) {
            throw new AbortExecutionException("The query costs " + demand.cost() + "; the limit is " + limits.maxCost()
                    + " (maximum query cost: each field counts once for every item its enclosing connections may return, "
                    + "by their 'first' arguments). Ask for smaller pages.");
        }
        return SimpleInstrumentationContext.noOp();
    }

    /** A walk over the fields of the operation being executed, each with its type, fragments included. */
    public static QueryTraverser traverser(ExecutionContext context) {
        return QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getOperationDefinition().getName())
                .coercedVariables(context.getCoercedVariables())
                .build();
    }

    /** Cost and aliases of one operation. */
    public static Demand measure(QueryTraverser traverser) {
        long[] cost = {0};
        int[] aliases = {0};
        traverser.visitPreOrder(new QueryVisitorStub() {
            @Override
            public void visitField(QueryVisitorFieldEnvironment field) {
                if (field.isTypeNameIntrospectionField()) {
                    return;
                }
                if (field.getField().getAlias() != null) {
                    aliases[0]++;
                }
                cost[0] = saturatedAdd(cost[0], itemsAbove(field));
            }
        });
        return new Demand(cost[0], aliases[0]);
    }

    /** How many times a field may be resolved: the product of the page sizes of the connections above it. */
    private static long itemsAbove(QueryVisitorFieldEnvironment field) {
        long items = 1;
        for (QueryVisitorFieldEnvironment parent = field.getParentEnvironment(); parent != null; parent = parent.getParentEnvironment()) {
            if (parent.getArguments().get("first") instanceof Number first) {
                items = saturatedMultiply(items, Math.max(0, first.longValue()));
            }
        }
        return items;
    }

    private static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        return high != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (parameters.isTrivialDataFetcher()) {
            return fetcher;
        }
        Long started = parameters.getExecutionContext().getGraphQLContext().get(STARTED);
        if (started == null) {
            return fetcher;
        }
        return new DeadlineFetcher(fetcher, started + limits.requestTimeout().toNanos(), limits.requestTimeout());
    }

    /** A field's fetcher that first checks the request's deadline. */
    static final class DeadlineFetcher implements DataFetcher<Object> {
        private final DataFetcher<?> inner;
        private final long deadline;
        private final Duration timeout;

        DeadlineFetcher(DataFetcher<?> inner, long deadline, Duration timeout) {
            this.inner = inner;
            this.deadline = deadline;
            this.timeout = timeout;
        }

        /** The fetcher it guards. */
        DataFetcher<?> inner() {
            return inner;
        }

        /** Fails the field when the request has run out of time. */
        void checkDeadline() {
            if (System.nanoTime() - deadline > 0) {
                throw new AbortExecutionException("The request took longer than " + describe(timeout)
                        + " (request timeout); this field was not resolved.");
            }
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            checkDeadline();
            return inner.get(environment);
        }
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
