package org.dossier.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The lean chain does what graphql-java's chain does (same answers, every member asked about what it acts on, with
 * its own state), only without asking the members that act once per request about every field. graphql-java alone.
 */
class LeanInstrumentationChainTest {

    private static final String SDL = """
            type Query { people: [Person] }
            type Person { name: String, friends: [Person] }
            """;

    private static GraphQLSchema schema() {
        List<Map<String, Object>> friends = IntStream.range(0, 3).mapToObj(i -> Map.<String, Object>of("name", "F" + i)).toList();
        List<Map<String, Object>> people = IntStream.range(0, 5)
                .mapToObj(i -> Map.<String, Object>of("name", "P" + i, "friends", friends)).toList();
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t.dataFetcher("people", env -> people)).build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
    }

    private static final String QUERY = "{ people { name friends { name } } }";

    /** Counts the fields it is asked about, and checks it is handed its own state each time. */
    static final class PerFieldWithState extends SimplePerformantInstrumentation {
        record Mine(String tag) implements InstrumentationState {
        }

        final AtomicInteger fetches = new AtomicInteger();
        final AtomicInteger completions = new AtomicInteger();
        final List<Object> wrongStates = new ArrayList<>();

        @Override
        public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
            return CompletableFuture.completedFuture(new Mine("mine"));
        }

        @Override
        public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
            if (!(state instanceof Mine)) {
                wrongStates.add(state);
            }
            fetches.incrementAndGet();
            return null;
        }

        @Override
        public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
            completions.incrementAndGet();
            return null;
        }
    }

    /** Acts on fields, keeps no state: wraps each fetcher to count the values it fetches. */
    static final class PerFieldStateless extends SimplePerformantInstrumentation {
        final AtomicInteger wrapped = new AtomicInteger();
        final AtomicInteger fetched = new AtomicInteger();
        final Function<String, String> decorate;

        PerFieldStateless(Function<String, String> decorate) {
            this.decorate = decorate;
        }

        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
            wrapped.incrementAndGet();
            return environment -> {
                fetched.incrementAndGet();
                Object value = fetcher.get(environment);
                return value instanceof String text ? decorate.apply(text) : value;
            };
        }
    }

    /** Acts once per request: must not be asked about fields. */
    static final class PerRequestOnly extends SimplePerformantInstrumentation {
        final AtomicInteger results = new AtomicInteger();

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters parameters, InstrumentationState state) {
            results.incrementAndGet();
            return CompletableFuture.completedFuture(result);
        }
    }

    private static ExecutionResult run(Instrumentation chain) {
        return GraphQL.newGraphQL(schema()).instrumentation(chain).build().execute(QUERY);
    }

    @Test
    void membersAreAskedWhatTheChainAsksThemAndTheAnswerIsTheSame() {
        // the same members in graphql-java's chain and in the lean one
        var statefulPlain = new PerFieldWithState();
        var statelessPlain = List.of(new PerFieldStateless(s -> s + "!"), new PerFieldStateless(s -> "<" + s + ">"));
        var oncePlain = new PerRequestOnly();
        ExecutionResult expected = run(new ChainedInstrumentation(List.of(statelessPlain.get(0), statefulPlain, oncePlain,
                new MaxQueryDepthInstrumentation(10), statelessPlain.get(1))));

        var stateful = new PerFieldWithState();
        var stateless = List.of(new PerFieldStateless(s -> s + "!"), new PerFieldStateless(s -> "<" + s + ">"));
        var once = new PerRequestOnly();
        var lean = new LeanInstrumentationChain(List.of(stateless.get(0), stateful, once, new MaxQueryDepthInstrumentation(10), stateless.get(1)));
        ExecutionResult actual = run(lean);

        assertThat(actual.getErrors()).isEmpty();
        assertThat(actual.toSpecification()).isEqualTo(expected.toSpecification());
        // the fetchers were wrapped in the chain's order: the second member's decoration outside the first's
        assertThat(actual.<Map<String, List<Map<String, Object>>>>getData().get("people").get(0)).containsEntry("name", "<P0!>");
        assertThat(stateful.fetches).hasValue(statefulPlain.fetches.get()).hasPositiveValue();
        assertThat(stateful.completions).hasValue(statefulPlain.completions.get()).hasPositiveValue();
        assertThat(stateful.wrongStates).as("a member with a state gets its own state in per-field hooks").isEmpty();
        for (int i = 0; i < 2; i++) {
            assertThat(stateless.get(i).wrapped).hasValue(statelessPlain.get(i).wrapped.get()).hasPositiveValue();
            assertThat(stateless.get(i).fetched).hasValue(statelessPlain.get(i).fetched.get());
        }
        assertThat(once.results).hasValue(1);
        assertThat(lean.actingPerField()).containsExactlyInAnyOrder(stateless.get(0), stateful, stateless.get(1));
    }

    @Test
    void aChainOfMembersThatActOncePerRequestAsksNothingPerField() {
        var once = new PerRequestOnly();
        var lean = new LeanInstrumentationChain(List.of(once, new MaxQueryDepthInstrumentation(10), new SimplePerformantInstrumentation()));
        assertThat(lean.actingPerField()).isEmpty();
        ExecutionResult result = run(lean);
        assertThat(result.getErrors()).isEmpty();
        assertThat(result.toSpecification()).isEqualTo(run(new ChainedInstrumentation(List.of())).toSpecification());
        assertThat(once.results).hasValue(1);
    }

    @Test
    void theRequestLimitsStillActThroughTheLeanChain() {
        var overCost = new RequestLimits(RequestLimitsTest.limits(20000, 30, 2, java.time.Duration.ofSeconds(10)));
        assertThat(run(new LeanInstrumentationChain(List.of(new PerRequestOnly(), overCost))).getErrors())
                .singleElement().extracting(graphql.GraphQLError::getMessage).asString().contains("maximum query cost");
        // the timeout is checked as each field that is not a plain read resolves
        var noTime = new RequestLimits(RequestLimitsTest.limits(20000, 30, 100000, java.time.Duration.ZERO));
        ExecutionResult late = run(new LeanInstrumentationChain(List.of(new PerRequestOnly(), noTime)));
        assertThat(late.getErrors()).singleElement().extracting(graphql.GraphQLError::getMessage).asString()
                .contains("request timeout");
        assertThat(late.<Map<String, Object>>getData()).containsEntry("people", null);
    }
}
