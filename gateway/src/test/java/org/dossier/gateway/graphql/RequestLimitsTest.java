package org.dossier.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.dossier.gateway.config.GatewayLimitsConfig;
import org.junit.jupiter.api.Test;

/** The request limits on a small schema of their own, with graphql-java alone: no Quarkus, no downstream. */
class RequestLimitsTest {

    private static final String SDL = """
            type Query {
              people(first: Int = 10): [Person]
              slow: String
              fast: String
            }
            type Person {
              name: String
              friends(first: Int = 5): [Person]
            }
            """;

    private final AtomicInteger fetches = new AtomicInteger();

    private GraphQL graphQL(int maxQueryLength, int maxAliases, long maxCost, Duration timeout) {
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t
                        .dataFetcher("people", env -> {
                            fetches.incrementAndGet();
                            return List.of(Map.of("name", "Ada"));
                        })
                        .dataFetcher("slow", env -> {
                            fetches.incrementAndGet();
                            Thread.sleep(150);
                            return "slow";
                        })
                        .dataFetcher("fast", env -> {
                            fetches.incrementAndGet();
                            return "fast";
                        }))
                .type("Person", t -> t.dataFetcher("friends", env -> List.of()))
                .build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
        return GraphQL.newGraphQL(schema)
                .instrumentation(new RequestLimits(limits(maxQueryLength, maxAliases, maxCost, timeout))).build();
    }

    private GraphQL graphQL() {
        return graphQL(20000, 30, 100000, Duration.ofSeconds(10));
    }

    @Test
    void costCountsEachFieldOncePerItemOfTheConnectionsAboveIt() {
        // people: 1; name and friends: 3 each (3 people); friends' names: 3 × 4.
        assertThat(cost("{ people(first: 3) { name friends(first: 4) { name } } }")).isEqualTo(1 + 3 + 3 + 12);
        // Defaults count as if written: 10 people.
        assertThat(cost("{ people { name } }")).isEqualTo(1 + 10);
        // Variables too.
        assertThat(graphQL(20000, 30, 1000, Duration.ofSeconds(10)).execute(graphql.ExecutionInput.newExecutionInput()
                .query("query($n: Int) { people(first: $n) { friends(first: $n) { name } } }")
                .variables(Map.of("n", 40)).build()).getErrors())
                .extracting(GraphQLError::getMessage).singleElement().asString()
                .contains("costs " + (1 + 40 + 1600)).contains("limit is 1000").contains("maximum query cost");
    }

    @Test
    void aQueryOverTheCostLimitIsRefusedBeforeAnyFieldResolves() {
        ExecutionResult result = graphQL(20000, 30, 50, Duration.ofSeconds(10))
                .execute("{ people(first: 10) { friends(first: 10) { name } } }");
        assertThat(messages(result)).singleElement().asString().contains("costs 111").contains("maximum query cost");
        assertThat((Object) result.getData()).isNull();
        assertThat(fetches).hasValue(0);
    }

    @Test
    void tooManyAliasesAreRefusedNamingTheLimit() {
        String query = IntStream.range(0, 31).mapToObj(i -> "a" + i + ": fast").collect(Collectors.joining(" ", "{ ", " }"));
        ExecutionResult result = graphQL().execute(query);
        assertThat(messages(result)).singleElement().asString().contains("31 aliases").contains("maximum aliases");
        assertThat(fetches).hasValue(0);
        String allowed = IntStream.range(0, 30).mapToObj(i -> "a" + i + ": fast").collect(Collectors.joining(" ", "{ ", " }"));
        assertThat(graphQL().execute(allowed).getErrors()).isEmpty();
    }

    @Test
    void anOverlongQueryIsRefusedNamingTheLimit() {
        String query = "{ fast # " + "x".repeat(300) + "\n }";
        ExecutionResult result = graphQL(200, 30, 100000, Duration.ofSeconds(10)).execute(query);
        assertThat(messages(result)).singleElement().asString().contains("characters long").contains("maximum query length");
        assertThat(fetches).hasValue(0);
    }

    @Test
    void fieldsLeftWhenTheRequestTimesOutAreErrorsNamingTheTimeout() {
        ExecutionResult result = graphQL(20000, 30, 100000, Duration.ofMillis(50)).execute("{ slow fast }");
        Map<String, Object> data = result.getData();
        assertThat(data).containsEntry("slow", "slow").containsEntry("fast", null);
        assertThat(messages(result)).singleElement().asString().contains("longer than 50 ms").contains("request timeout");
    }

    private long cost(String query) {
        var document = new graphql.parser.Parser().parseDocument(query);
        GraphQLSchema schema = graphQL().getGraphQLSchema();
        return RequestLimits.measure(graphql.analysis.QueryTraverser.newQueryTraverser().schema(schema).document(document)
                .operationName(null).variables(Map.of()).build()).cost();
    }

    private static List<String> messages(ExecutionResult result) {
        return result.getErrors().stream().map(GraphQLError::getMessage).toList();
    }

    static GatewayLimitsConfig limits(int maxQueryLength, int maxAliases, long maxCost, Duration timeout) {
        return new GatewayLimitsConfig() {
            @Override
            public int maxQueryLength() {
                return maxQueryLength;
            }

            @Override
            public int maxAliases() {
                return maxAliases;
            }

            @Override
            public long maxCost() {
                return maxCost;
            }

            @Override
            public int maxConcurrentRequests() {
                return 0;
            }

            @Override
            public int maxQueuedRequests() {
                return 256;
            }

            @Override
            public io.quarkus.runtime.configuration.MemorySize maxRequestSize() {
                return new io.quarkus.runtime.configuration.MemorySize(java.math.BigInteger.valueOf(256 * 1024));
            }

            @Override
            public Duration requestTimeout() {
                return timeout;
            }
        };
    }
}
