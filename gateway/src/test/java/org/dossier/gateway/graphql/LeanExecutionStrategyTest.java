package org.dossier.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.ExecutionStrategy;
import graphql.execution.SimpleDataFetcherExceptionHandler;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.Coercing;
import graphql.schema.CoercingSerializeException;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.LightDataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeRuntimeWiring;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import io.smallrye.graphql.execution.datafetcher.helper.ArgumentHelper;
import org.dataloader.BatchLoaderWithContext;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The lean strategy gives graphql-java's answer, byte for byte and error for error, on random data that has every
 * kind of trouble a leaf can have (a reader that throws, nulls in non-null fields spreading up, values that do not
 * serialise), next to batched fields completing on another thread, fragments, aliases, directives, a field selected
 * twice and {@code __typename}. graphql-java alone, no Quarkus.
 */
class LeanExecutionStrategyTest {

    private static final String SDL = """
            scalar Day
            enum Kind { TALKS CALL MEETING }
            type Query { items: [Item!] loose: [Item] }
            type Item {
              id: ID!
              name: String
              count: Int!
              share: Float
              kind: Kind!
              day: Day
              tags: [String]
              child: Child
              other: Other
              period: Period
              span: Period!
            }
            type Period { start: Day end: Day kind: Kind! }
            type Child { label: String! score: Float item: Item twin: Other cousin: Other }
            type Other { id: ID! label: String kind: Kind more: Other }
            """;

    private static final String QUERY = """
            query Q($skip: Boolean!, $with: Boolean!) {
              items {
                id
                ...Names
                count kind day tags
                alias: share
                share
                name
                __typename
                kind2: kind @skip(if: $skip)
                other { id label kind more { id label more { label } } }
                child { label score item { id name kind child { label } period { start kind } } twin { id label kind more { label } } cousin { label } }
                period { start end kind }
                span { kind end }
              }
              loose {
                id count
                day @include(if: $with)
                child { label twin { label } }
                ...Kids
                other { label }
              }
            }
            fragment Names on Item { name id }
            fragment Kids on Item { child { score } }
            """;

    /** Batches the loader was asked for, in all. */
    private static final AtomicInteger BATCHES = new AtomicInteger();
    /** Batches of twins given one key context for all keys: run by the level path itself, not by the data loader. */
    private static final AtomicInteger WHOLE_TWIN_BATCHES = new AtomicInteger();
    /** Batches of cousins given one key context for all keys (run by the level path, in the same waves as twins). */
    private static final AtomicInteger WHOLE_COUSIN_BATCHES = new AtomicInteger();
    /** Batches run by the level path that have been started and have not answered yet, and the most there ever were. */
    private static final AtomicInteger LEVEL_BATCHES_IN_FLIGHT = new AtomicInteger();
    private static final AtomicInteger MOST_LEVEL_BATCHES_IN_FLIGHT = new AtomicInteger();
    /** Keys the loader was asked for, in all. */
    private static final AtomicInteger KEYS = new AtomicInteger();

    private static final Executor LOADER_THREAD = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "test-loader");
        thread.setDaemon(true);
        return thread;
    });

    @AfterAll
    static void stop() {
        ((java.util.concurrent.ExecutorService) LOADER_THREAD).shutdownNow();
    }

    /** A map's entry read as the gateway's lean fetchers read a getter; counts how each path asked for it. */
    static final class MapReader implements LightDataFetcher<Object>, PlainFieldReader {
        static final Object THROWS = new Object();
        final String key;
        final AtomicInteger plainReads = new AtomicInteger();
        final AtomicInteger fetches = new AtomicInteger();

        MapReader(String key) {
            this.key = key;
        }

        @Override
        public boolean readsAlone() {
            return true;
        }

        @Override
        public Object read(Object parent) {
            plainReads.incrementAndGet();
            return value(parent);
        }

        @Override
        public Object get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> environment) {
            fetches.incrementAndGet();
            return value(source);
        }

        @Override
        public Object get(DataFetchingEnvironment environment) {
            fetches.incrementAndGet();
            return value(environment.getSource());
        }

        private Object value(Object parent) {
            Object value = ((Map<?, ?>) parent).get(key);
            if (value == THROWS) {
                throw new IllegalStateException("cannot read " + key);
            }
            return value;
        }
    }

    private static final GraphQLScalarType DAY = GraphQLScalarType.newScalar().name("Day").coercing(new Coercing<Object, String>() {
        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof LocalDate day && day.getYear() > 1900) {
                return day.toString();
            }
            throw new CoercingSerializeException("not a day: " + value);
        }
    }).build();

    private final Map<String, MapReader> readers = new LinkedHashMap<>();
    /** Calls of the root fields' fetchers. */
    private final AtomicInteger rootFetches = new AtomicInteger();

    private GraphQLSchema schema(List<Map<String, Object>> items, List<Map<String, Object>> loose) {
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring().scalar(DAY)
                .type("Query", t -> t.dataFetcher("items", env -> {
                    rootFetches.incrementAndGet();
                    return items;
                }).dataFetcher("loose", env -> {
                    rootFetches.incrementAndGet();
                    return loose;
                }));
        wire(wiring, "Item", "id", "name", "count", "share", "kind", "day", "tags", "child", "period", "span");
        wire(wiring, "Period", "start", "end", "kind");
        wire(wiring, "Child", "label", "score", "item");
        wire(wiring, "Other", "id", "label", "kind");
        // batched as the gateway's @Source fields are: the level path runs these batches itself
        wiring.type("Child", t -> t.dataFetcher("twin", new LeanBatchFetching.LeanBatchFetcher("twins", new ArgumentHelper(List.of())))
                .dataFetcher("cousin", new LeanBatchFetching.LeanBatchFetcher("cousins", new ArgumentHelper(List.of()))));
        wiring.type("Item", t -> t.dataFetcher("other", (DataFetcher<Object>) env ->
                env.getDataLoader("others").load(((Map<?, ?>) env.getSource()).get("id"))));
        // batched again below a batched field: levels 3 and 4 are dispatched only if every object reported its fields
        wiring.type("Other", t -> t.dataFetcher("more", (DataFetcher<Object>) env ->
                env.getDataLoader("others").load(((Map<?, ?>) env.getSource()).get("label"))));
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring.build());
    }

    private void wire(RuntimeWiring.Builder wiring, String type, String... fields) {
        TypeRuntimeWiring.Builder typeWiring = TypeRuntimeWiring.newTypeWiring(type);
        for (String field : fields) {
            typeWiring.dataFetcher(field, readers.computeIfAbsent(type + "." + field, key -> new MapReader(field)));
        }
        wiring.type(typeWiring);
    }

    private static String answer(GraphQLSchema schema, ExecutionStrategy strategy, Instrumentation instrumentation,
                                 Map<String, Object> variables) throws Exception {
        return answer(schema, strategy, instrumentation, variables, true);
    }

    /** The answer as JSON; the batched Others come back broken now and then only if {@code troubledLoader}. */
    private static String answer(GraphQLSchema schema, ExecutionStrategy strategy, Instrumentation instrumentation,
                                 Map<String, Object> variables, boolean troubledLoader) throws Exception {
        DataLoaderRegistry loaders = new DataLoaderRegistry();
        loaders.register("others", DataLoaderFactory.newDataLoader((List<Object> ids) -> CompletableFuture.supplyAsync(() -> {
            BATCHES.incrementAndGet();
            KEYS.addAndGet(ids.size());
            List<Object> others = new ArrayList<>();
            for (Object id : ids) {
                String text = String.valueOf(id);
                Map<String, Object> other = new HashMap<>();
                other.put("id", troubledLoader && text.hashCode() % 7 == 0 ? null : text); // a null in a non-null field, now and then
                other.put("label", "about " + text);
                other.put("kind", troubledLoader && text.length() % 3 == 0 ? "NOPE" : "CALL");
                others.add(other);
            }
            return others;
        }, LOADER_THREAD)));
        // keyed by the parent object, given its arguments and environment as SmallRye's batches are; fail whole, now and then
        loaders.register("twins", DataLoaderFactory.newDataLoader(relatives("twin", WHOLE_TWIN_BATCHES, troubledLoader)));
        loaders.register("cousins", DataLoaderFactory.newDataLoader(relatives("cousin", WHOLE_COUSIN_BATCHES, troubledLoader)));
        GraphQL graphQL = GraphQL.newGraphQL(schema).queryExecutionStrategy(strategy).instrumentation(instrumentation).build();
        ExecutionResult result = graphQL.executeAsync(ExecutionInput.newExecutionInput(QUERY).variables(variables)
                .dataLoaderRegistry(loaders)).get(10, TimeUnit.SECONDS);
        // Errors in the order of their paths: those of batched fields arrive from the loader's thread, racing the
        // rest, with either strategy (the specification gives their order no meaning).
        Map<String, Object> answer = new LinkedHashMap<>(result.toSpecification());
        ObjectMapper json = new ObjectMapper();
        if (answer.get("errors") instanceof List<?> errors) {
            List<String> sorted = new ArrayList<>();
            for (Object error : errors) {
                sorted.add(json.writeValueAsString(error));
            }
            sorted.sort(null);
            answer.put("errors", sorted);
        }
        return json.writeValueAsString(answer);
    }

    /**
     * A batch of relatives of children, as SmallRye's batch function reads its keys. A batch given one key context for
     * all keys was run by the level path: counted in {@code wholeBatches}, and in the batches in flight until it answers.
     */
    private static BatchLoaderWithContext<Object, Object> relatives(String relation, AtomicInteger wholeBatches, boolean troubledLoader) {
        return (children, context) -> {
            Map<?, ?> first = (Map<?, ?>) context.getKeyContextsList().get(0);
            boolean byLevelPath = children.size() > 1 && context.getKeyContextsList().stream().allMatch(keyContext -> keyContext == first);
            if (byLevelPath) {
                wholeBatches.incrementAndGet();
                MOST_LEVEL_BATCHES_IN_FLIGHT.accumulateAndGet(LEVEL_BATCHES_IN_FLIGHT.incrementAndGet(), Math::max);
            }
            DataFetchingEnvironment environment = (DataFetchingEnvironment) first.get("dataFetchingEnvironment");
            String seen = environment.getField().getName() + " " + ((List<?>) first.get("arguments")).size();
            return CompletableFuture.supplyAsync(() -> {
                try {
                    BATCHES.incrementAndGet();
                    KEYS.addAndGet(children.size());
                    List<Object> twins = new ArrayList<>();
                    for (Object child : children) {
                        Object label = ((Map<?, ?>) child).get("label");
                        if (troubledLoader && String.valueOf(label).hashCode() % 13 == 0) {
                            throw new IllegalStateException("no " + relation + "s today");
                        }
                        Map<String, Object> twin = new HashMap<>();
                        twin.put("id", troubledLoader && String.valueOf(label).hashCode() % 5 == 0 ? null : relation + " of " + label);
                        twin.put("label", relation + " (" + seen + ")");
                        twin.put("kind", "TALKS");
                        twins.add(label == null ? null : twin);
                    }
                    return twins;
                } finally {
                    if (byLevelPath) { // before the batch answers: whatever waits for it runs after
                        LEVEL_BATCHES_IN_FLIGHT.decrementAndGet();
                    }
                }
            }, LOADER_THREAD);
        };
    }

    private static List<Map<String, Object>> items(Random random, int count, double trouble) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(item(random, i, trouble, 2));
        }
        return items;
    }

    private static Map<String, Object> item(Random random, int serial, double trouble, int depth) {
        Map<String, Object> item = new HashMap<>();
        item.put("id", random.nextDouble() < trouble ? null : "item-" + serial + "-" + random.nextInt(1000));
        item.put("name", random.nextDouble() < trouble ? MapReader.THROWS : random.nextBoolean() ? null : "name \u00e9\ud83d\ude00 " + serial);
        item.put("count", random.nextDouble() < trouble ? null : random.nextInt());
        Object share = random.nextBoolean() ? (Object) random.nextDouble() : random.nextBoolean() ? (Object) 3.4e-5f : null;
        item.put("share", share);
        item.put("kind", random.nextDouble() < trouble ? "NOPE" : List.of("TALKS", "CALL", "MEETING").get(random.nextInt(3)));
        item.put("day", random.nextDouble() < trouble ? LocalDate.of(1800, 1, 1) : random.nextBoolean() ? null : LocalDate.of(2025, 6, 1 + random.nextInt(28)));
        item.put("tags", random.nextBoolean() ? null : List.of("a", "b"));
        item.put("period", random.nextBoolean() ? null : period(random, trouble));
        item.put("span", random.nextDouble() < trouble ? null : period(random, trouble));
        if (depth > 0 && random.nextInt(4) > 0) {
            Map<String, Object> child = new HashMap<>();
            child.put("label", random.nextDouble() < trouble ? null : "child of " + serial);
            child.put("score", random.nextDouble() < trouble ? MapReader.THROWS : random.nextDouble());
            child.put("item", random.nextBoolean() ? item(random, serial * 10 + 1, trouble, depth - 1) : null);
            item.put("child", child);
        }
        return item;
    }

    private static Map<String, Object> period(Random random, double trouble) {
        Map<String, Object> period = new HashMap<>();
        period.put("start", random.nextDouble() < trouble ? LocalDate.of(1800, 1, 1) : LocalDate.of(2025, 1 + random.nextInt(12), 1));
        period.put("end", random.nextBoolean() ? null : LocalDate.of(2026, 1, 1));
        period.put("kind", random.nextDouble() < trouble ? null : random.nextDouble() < trouble ? "NOPE" : "TALKS");
        return period;
    }

    private int plainReads() {
        return readers.values().stream().mapToInt(reader -> reader.plainReads.get()).sum();
    }

    @Test
    void answersAsGraphQlJavaDoes() throws Exception {
        Random random = new Random(20261123);
        int cleanTrials = 0;
        int levelByLevel = 0;
        int fellBack = 0;
        for (int trial = 0; trial < 400; trial++) {
            double trouble = trial % 4 == 0 ? 0 : random.nextDouble() * 0.2;
            int count = 1 + random.nextInt(12);
            GraphQLSchema schema = schema(items(random, count, trouble), items(random, count / 2, trouble));
            Map<String, Object> variables = Map.of("skip", random.nextBoolean(), "with", random.nextBoolean());

            int batchesBefore = BATCHES.get();
            int keysBefore = KEYS.get();
            String expected = answer(schema, new AsyncExecutionStrategy(new SimpleDataFetcherExceptionHandler()),
                    SimplePerformantInstrumentation.INSTANCE, variables, trouble > 0);
            int generalBatches = BATCHES.get() - batchesBefore;
            int generalKeys = KEYS.get() - keysBefore;
            int readsBefore = plainReads();
            LeanExecutionStrategy strategy = new LeanExecutionStrategy(new SimpleDataFetcherExceptionHandler());
            batchesBefore = BATCHES.get();
            keysBefore = KEYS.get();
            rootFetches.set(0);
            String lean = answer(schema, strategy, SimplePerformantInstrumentation.INSTANCE, variables, trouble > 0);

            // graphql-java's path after the level path asks nothing again: the same root fetches, no key loaded twice
            assertThat(rootFetches.get()).as("root fetches, trial %d", trial).isEqualTo(2);
            assertThat(KEYS.get() - keysBefore).as("keys loaded, trial %d", trial).isLessThanOrEqualTo(generalKeys);

            assertThat(lean).as("trial %d", trial).isEqualTo(expected);
            assertThat(plainReads()).as("the lean path ran (trial %d)", trial).isGreaterThan(readsBefore);
            assertThat(strategy.answeredLevelByLevel() + strategy.fellBack()).as("trial %d", trial).isEqualTo(1);
            // level by level exactly when the answer has no error
            assertThat(strategy.answeredLevelByLevel()).as("trial %d", trial).isEqualTo(expected.contains("\"errors\"") ? 0 : 1);
            if (strategy.answeredLevelByLevel() == 1) {
                levelByLevel++;
                // dispatched when nothing else can proceed: never more batches than graphql-java's level by level
                assertThat(BATCHES.get() - batchesBefore).as("batches, trial %d", trial).isLessThanOrEqualTo(generalBatches);
            } else {
                fellBack++;
            }
            if (trouble == 0) {
                cleanTrials++;
                assertThat(expected).contains("\"data\"").doesNotContain("\"errors\"");
            }
            readers.clear();
        }
        assertThat(cleanTrials).isEqualTo(100);
        assertThat(WHOLE_TWIN_BATCHES.get()).as("twins batched by the level path itself").isGreaterThan(100);
        assertThat(WHOLE_COUSIN_BATCHES.get()).as("cousins batched by the level path, in the twins' waves").isGreaterThan(100);
        // a wave's batches are started one after another, each when the one before has answered
        assertThat(MOST_LEVEL_BATCHES_IN_FLIGHT.get()).as("level-path batches in flight at once").isEqualTo(1);
        assertThat(levelByLevel).isGreaterThanOrEqualTo(100);
        assertThat(fellBack).isGreaterThan(100);
    }

    @Test
    void clean_objects_never_ask_graphql_java_for_their_leaves() throws Exception {
        Random random = new Random(7);
        GraphQLSchema schema = schema(items(random, 20, 0), items(random, 5, 0));
        answer(schema, new LeanExecutionStrategy(new SimpleDataFetcherExceptionHandler()),
                SimplePerformantInstrumentation.INSTANCE, Map.of("skip", false, "with", true));
        // The scalars, enums and all-leaf objects of items and their children: every one read plainly, none fetched by
        // graphql-java. Only the Other objects that came back broken (a null id, a kind that is no Kind) take
        // graphql-java's path.
        readers.forEach((field, reader) -> {
            if (!field.startsWith("Other.") && !field.equals("Item.tags") && !field.equals("Item.child")
                    && !field.equals("Child.item") && reader.plainReads.get() + reader.fetches.get() > 0) {
                assertThat(reader.fetches.get()).as(field).isZero();
            }
        });
        assertThat(readers.get("Period.kind").plainReads.get()).isPositive();
        assertThat(readers.get("Child.score").plainReads.get()).isPositive();
        assertThat(readers.get("Other.label").plainReads.get()).isPositive();
    }

    /** Fetches everything it is asked about: an instrumentation that acts on fields. */
    static final class CountsFetches extends SimplePerformantInstrumentation {
        final AtomicInteger fetches = new AtomicInteger();

        @Override
        public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
                                                                      InstrumentationState state) {
            fetches.incrementAndGet();
            return null;
        }
    }

    @Test
    void an_instrumentation_acting_on_fields_still_sees_every_field() throws Exception {
        Random random = new Random(11);
        GraphQLSchema schema = schema(items(random, 8, 0.05), items(random, 3, 0.05));
        Map<String, Object> variables = Map.of("skip", false, "with", true);
        CountsFetches general = new CountsFetches();
        String expected = answer(schema, new AsyncExecutionStrategy(new SimpleDataFetcherExceptionHandler()),
                new LeanInstrumentationChain(List.of(general)), variables);
        CountsFetches lean = new CountsFetches();
        String answer = answer(schema, new LeanExecutionStrategy(new SimpleDataFetcherExceptionHandler()),
                new LeanInstrumentationChain(List.of(lean)), variables);

        assertThat(answer).isEqualTo(expected);
        assertThat(lean.fetches.get()).isEqualTo(general.fetches.get()).isGreaterThan(50);
        assertThat(plainReads()).isZero();
    }

    private static final String ENVIRONMENT_SDL = """
            interface Named { name: String! where(depth: Int = 1): String! }
            type Person implements Named { name: String! where(depth: Int = 1): String! born: Int }
            type Place implements Named { name: String! where(depth: Int = 1): String! inside: Named }
            type Query { things(first: Int!, tag: String = "t"): [Named!]! }
            """;

    private static final String ENVIRONMENT_QUERY = """
            query E($n: Int!, $d: Int) {
              things(first: $n) {
                __typename name
                here: where(depth: $d)
                ... on Person { born where }
                ... on Place { inside { name where(depth: 3) ... on Place { inside { where } } } }
              }
            }
            """;

    /**
     * Fetchers that read their environment (path, arguments, selection, parent type, step info of their parents) and
     * an interface resolved per object get what graphql-java gives them, level by level too.
     */
    @Test
    void fetchers_reading_their_environment_get_graphql_javas() throws Exception {
        DataFetcher<Object> where = env -> env.getExecutionStepInfo().getPath() + " " + env.getArguments()
                + " " + ((graphql.schema.GraphQLNamedType) env.getParentType()).getName() + " under " + env.getExecutionStepInfo().getParent().getParent().getPath()
                + " " + env.getField().getResultKey() + " " + env.getSelectionSet().getFields().size();
        DataFetcher<Object> things = env -> {
            List<Map<String, Object>> found = new ArrayList<>();
            for (int i = 0; i < (int) env.getArgument("first"); i++) {
                Map<String, Object> thing = new HashMap<>();
                thing.put("name", "thing " + i + " " + env.getSelectionSet().getFields().size() + " " + env.getArgument("tag"));
                thing.put("person", i % 2 == 0);
                thing.put("born", 1900 + i);
                if (i % 2 == 1) {
                    Map<String, Object> inside = new HashMap<>(Map.of("name", "inside " + i, "person", false));
                    inside.put("inside", Map.of("name", "core", "person", false));
                    thing.put("inside", inside);
                }
                found.add(thing);
            }
            return CompletableFuture.supplyAsync(() -> found, LOADER_THREAD);
        };
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t.dataFetcher("things", things))
                .type("Named", t -> t.typeResolver(env -> env.getSchema().getObjectType(
                        Boolean.TRUE.equals(((Map<?, ?>) env.getObject()).get("person")) ? "Person" : "Place")))
                .type("Person", t -> t.dataFetcher("where", where))
                .type("Place", t -> t.dataFetcher("where", where))
                .build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(ENVIRONMENT_SDL), wiring);
        for (Map<String, Object> variables : List.of(Map.<String, Object>of("n", 5, "d", 2), Map.<String, Object>of("n", 2))) {
            String expected = environmentAnswer(schema, new AsyncExecutionStrategy(new SimpleDataFetcherExceptionHandler()), variables);
            LeanExecutionStrategy lean = new LeanExecutionStrategy(new SimpleDataFetcherExceptionHandler());
            String answer = environmentAnswer(schema, lean, variables);

            assertThat(answer).isEqualTo(expected).contains("/things[1]/inside/inside/where {depth=1} Place under /things[1]/inside");
            assertThat(lean.answeredLevelByLevel()).isEqualTo(1);
        }
    }

    private static String environmentAnswer(GraphQLSchema schema, ExecutionStrategy strategy, Map<String, Object> variables)
            throws Exception {
        GraphQL graphQL = GraphQL.newGraphQL(schema).queryExecutionStrategy(strategy).build();
        ExecutionResult result = graphQL.executeAsync(ExecutionInput.newExecutionInput(ENVIRONMENT_QUERY).variables(variables))
                .get(10, TimeUnit.SECONDS);
        return new ObjectMapper().writeValueAsString(result.toSpecification());
    }
}
