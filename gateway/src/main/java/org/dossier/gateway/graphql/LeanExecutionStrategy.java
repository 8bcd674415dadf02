package org.dossier.gateway.graphql;

import graphql.ExecutionResult;
import graphql.execution.Async;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataLoaderDispatchStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ExecutionStepInfoFactory;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.FieldValueInfo;
import graphql.execution.MergedField;
import graphql.execution.MergedSelectionSet;
import graphql.execution.ResultNodesInfo;
import graphql.execution.ResultPath;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.language.Field;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * graphql-java's execution of queries, with the plain leaves of each object resolved in one pass.
 * <p>
 * graphql-java resolves every field of an answer through the same machinery: parameters and a path for the field,
 * the field's definition looked up twice, a step info with its arguments, the instrumentation asked, a fetched-value
 * and a field-value holder, and the data-loader dispatcher's lock taken to count the fetch. For the flagship query's
 * 23,451 fields that machinery is most of the gateway's own time, although about half of them are scalars or enums
 * read by a getter from an object already fetched ({@link PlainFieldReader}).
 * <p>
 * Here those leaves are read and serialised as graphql-java would (value unboxer, the scalar's or enum's
 * serialisation), straight into the object's answer. An object whose selected fields are all such leaves (a date
 * range) is a leaf too. The object's other fields are resolved by graphql-java's own field machinery, with the calls
 * of graphql-java's {@code executeObject} made in its order ({@code executeRest}): the dispatcher sees them as the
 * object's whole selection, and nothing below a leaf ever reaches it, so its counts stay exact. The answer is the
 * same map, in the same order. Whatever graphql-java would have turned into an error or a null that
 * spreads (a reader that throws, a null in a non-null field, a value that does not serialise, a fetcher result or a
 * future instead of a value) sends the whole object down graphql-java's path, which reads the leaves again and
 * reports it as it always does.
 * <p>
 * Only when nothing could tell the difference: no instrumentation acting on fields or objects (see
 * {@link LeanInstrumentationChain#leavesTrivialFieldsAlone()}), no incremental delivery, no limit on result nodes.
 * What graphql-java's field collector gives for a field (its AST fields) and object type is kept for the rest of the
 * request, since it depends only on the query, its variables and the schema.
 * <p>
 * Queries go further where they can: {@link LevelExecution} answers them level by level, and comes back here when
 * graphql-java would report something.
 */
public final class LeanExecutionStrategy extends AsyncExecutionStrategy {

    /** Where a request keeps its plans, in the request's GraphQL context (absent: the general path throughout). */
    private static final String PLANS = LeanExecutionStrategy.class.getName() + ".plans";
    /** A leaf that graphql-java must resolve itself. */
    private static final Object UNRESOLVED = new Object();

    public LeanExecutionStrategy(DataFetcherExceptionHandler exceptionHandler) {
        super(exceptionHandler);
    }

    @Override
    protected Object completeValueForObject(ExecutionContext context, ExecutionStrategyParameters parameters,
                                            GraphQLObjectType type, Object result) {
        Plan plan = plan(context, parameters.getField(), type);
        if (plan == null) {
            return super.completeValueForObject(context, parameters, type, result);
        }
        ExecutionStepInfo stepInfo = parameters.getExecutionStepInfo().changeTypeWithPreservedNonNull(type);
        Object[] leaves = plan.leafCount() == 0 ? null : plan.readLeaves(context, result);
        if (leaves == null) {
            // graphql-java's execution of the object, on the selection collected once for the request
            return executeObject(context, parameters.transform(builder -> builder
                    .executionStepInfo(stepInfo).fields(plan.all()).source(result)));
        }
        return executeRest(context, parameters.transform(builder -> builder
                .executionStepInfo(stepInfo).fields(plan.rest()).source(result)), plan, leaves);
    }

    /**
     * graphql-java's {@link #executeObject} for the object's fields that are not plain leaves, answering the whole
     * object. The same calls in the same order (fields resolved, the dispatcher told, values awaited, a null that
     * spreads handled as graphql-java does), without what {@link #eligible} has ruled out: instrumentation of objects
     * and incremental delivery.
     */
    private Object executeRest(ExecutionContext context, ExecutionStrategyParameters parameters, Plan plan, Object[] leaves) {
        DataLoaderDispatchStrategy dispatcher = context.getDataLoaderDispatcherStrategy();
        dispatcher.executeObject(context, parameters);
        MergedSelectionSet rest = parameters.getFields();
        Async.CombinedBuilder<FieldValueInfo> fieldInfos = Async.ofExpectedSize(rest.size());
        for (String key : rest.getKeys()) {
            MergedField field = rest.getSubField(key);
            ResultPath path = parameters.getPath().segment(mkNameForPath(field));
            fieldInfos.addObject(resolveFieldWithInfo(context,
                    parameters.transform(builder -> builder.field(field).path(path).parent(parameters))));
        }
        Object infos = fieldInfos.awaitPolymorphic();
        if (!(infos instanceof CompletableFuture<?> pendingInfos)) {
            Object values = valuesOf(dispatcher, parameters, castList(infos));
            if (!(values instanceof CompletableFuture<?> pendingValues)) {
                return plan.merge(leaves, castList(values));
            }
            CompletableFuture<Map<String, Object>> whole = new CompletableFuture<>();
            completeWhenDone(context, pendingValues, whole, plan, leaves);
            return whole;
        }
        CompletableFuture<Map<String, Object>> whole = new CompletableFuture<>();
        pendingInfos.whenComplete((resolved, failure) -> {
            if (failure != null) {
                handleValueException(whole, failure, context);
                return;
            }
            try {
                Object values = valuesOf(dispatcher, parameters, castList(resolved));
                if (values instanceof CompletableFuture<?> pendingValues) {
                    completeWhenDone(context, pendingValues, whole, plan, leaves);
                } else {
                    whole.complete(plan.merge(leaves, castList(values)));
                }
            } catch (RuntimeException e) {
                // as graphql-java: whatever goes wrong here still completes the object, so the execution cannot hang
                dispatcher.executeObjectOnFieldValuesException(e, parameters);
                whole.completeExceptionally(e);
            }
        });
        return whole;
    }

    /** The fields' values (a list, or a future of one), once the dispatcher has been told what they are. */
    private static Object valuesOf(DataLoaderDispatchStrategy dispatcher, ExecutionStrategyParameters parameters,
                                   List<FieldValueInfo> infos) {
        Async.CombinedBuilder<Object> values = Async.ofExpectedSize(infos.size());
        for (FieldValueInfo info : infos) {
            values.addObject(info.getFieldValueObject());
        }
        dispatcher.executeObjectOnFieldValuesInfo(infos, parameters);
        return values.awaitPolymorphic();
    }

    private void completeWhenDone(ExecutionContext context, CompletableFuture<?> values,
                                  CompletableFuture<Map<String, Object>> whole, Plan plan, Object[] leaves) {
        values.whenComplete((list, failure) -> {
            if (failure != null) {
                handleValueException(whole, failure, context);
            } else {
                whole.complete(plan.merge(leaves, castList(list)));
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> castList(Object values) {
        return (List<T>) values;
    }

    /**
     * Whether the request may take the lean path is decided once, as it starts: a fresh store of plans when it may,
     * none when it may not.
     */
    @Override
    public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters parameters) {
        if (!eligible(context)) {
            context.getGraphQLContext().delete(PLANS);
            return super.execute(context, parameters);
        }
        context.getGraphQLContext().put(PLANS, new ConcurrentHashMap<PlanKey, Plan>());
        if (LevelExecution.applies(context, parameters)) {
            levelStarts.increment();
            return new LevelExecution(this, context, parameters).run();
        }
        return super.execute(context, parameters);
    }

    /**
     * graphql-java's execution of the request (the lean plans still used for objects' leaves), after the level path
     * gave up; it uses the fetches the level path handed over ({@link LevelExecution#fetchedOnLevelPath}).
     */
    CompletableFuture<ExecutionResult> generalPath(ExecutionContext context, ExecutionStrategyParameters parameters) {
        levelFallbacks.increment();
        return super.execute(context, parameters);
    }

    /**
     * A root field that the level path fetched without error is not fetched again: its value (or its future) is used
     * as graphql-java would use a fetcher's, and the dispatcher is told of the fetch as graphql-java tells it.
     */
    @Override
    protected Object fetchField(ExecutionContext context, ExecutionStrategyParameters parameters) {
        if (parameters.getPath().getLevel() == 1) {
            Object value = LevelExecution.fetchedOnLevelPath(context.getGraphQLContext(), parameters.getSource(), parameters.getField());
            boolean failed = value instanceof CompletableFuture<?> future && (!future.isDone() || future.isCompletedExceptionally());
            if (value != null && !failed) {
                GraphQLObjectType parentType = (GraphQLObjectType) parameters.getExecutionStepInfo().getUnwrappedNonNullType();
                DataFetcher<?> fetcher = context.getGraphQLSchema().getCodeRegistry().getDataFetcher(parentType,
                        getFieldDef(context.getGraphQLSchema(), parentType, parameters.getField().getSingleField()));
                context.getDataLoaderDispatcherStrategy().fieldFetched(context, parameters, fetcher, value);
                if (value instanceof CompletableFuture<?> future) {
                    return future.thenApply(result -> unboxPossibleDataFetcherResult(context, parameters, result));
                }
                return unboxPossibleDataFetcherResult(context, parameters, value);
            }
        }
        return super.fetchField(context, parameters);
    }

    /** Requests that started on the level path, and those of them that went down graphql-java's path after all. */
    private final LongAdder levelStarts = new LongAdder();
    private final LongAdder levelFallbacks = new LongAdder();

    /** How many requests were answered level by level ({@link LevelExecution}) without falling back. */
    public long answeredLevelByLevel() {
        return levelStarts.sum() - levelFallbacks.sum();
    }

    /** How many requests started level by level and were then answered by graphql-java's path. */
    public long fellBack() {
        return levelFallbacks.sum();
    }

    ExecutionStepInfoFactory stepInfos() {
        return executionStepInfoFactory;
    }

    /**
     * The plan for this field's objects of this type (made on first use, kept for the request); null where the general
     * path must run.
     */
    Plan plan(ExecutionContext context, MergedField field, GraphQLObjectType type) {
        if (!(context.getGraphQLContext().get(PLANS) instanceof Map<?, ?> stored)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<PlanKey, Plan> plans = (Map<PlanKey, Plan>) stored;
        PlanKey key = new PlanKey(field.getFields(), type);
        Plan plan = plans.get(key);
        if (plan == null) { // not computeIfAbsent: making a plan asks for the plans of its all-leaf objects
            plan = makePlan(context, field, type);
            plans.put(key, plan);
        }
        return plan;
    }

    private static boolean eligible(ExecutionContext context) {
        Instrumentation instrumentation = context.getInstrumentation();
        boolean uninstrumented = instrumentation == SimplePerformantInstrumentation.INSTANCE
                || instrumentation instanceof LeanInstrumentationChain chain && chain.leavesTrivialFieldsAlone();
        return uninstrumented && !context.hasIncrementalSupport()
                && context.getGraphQLContext().get(ResultNodesInfo.MAX_RESULT_NODES) == null;
    }

    private Plan makePlan(ExecutionContext context, MergedField field, GraphQLObjectType type) {
        FieldCollectorParameters collectorParameters = FieldCollectorParameters.newParameters()
                .schema(context.getGraphQLSchema())
                .objectType(type)
                .fragments(context.getFragmentsByName())
                .variables(context.getCoercedVariables().toMap())
                .graphQLContext(context.getGraphQLContext())
                .build();
        return planOf(context, fieldCollector.collectFields(collectorParameters, field, false), type);
    }

    /** The plan of a selection already collected (the operation's root fields). */
    Plan planOf(ExecutionContext context, MergedSelectionSet all, GraphQLObjectType type) {
        List<String> keys = all.getKeys();
        Leaf[] leaves = new Leaf[keys.size()];
        Map<String, MergedField> rest = new LinkedHashMap<>();
        int leafCount = 0;
        for (int i = 0; i < keys.size(); i++) {
            MergedField subField = all.getSubField(keys.get(i));
            Leaf leaf = leaf(context, type, subField);
            if (leaf != null) {
                leaves[i] = leaf;
                leafCount++;
            } else {
                rest.put(keys.get(i), subField);
            }
        }
        return new Plan(all, MergedSelectionSet.newMergedSelectionSet().subFields(rest).build(), keys, leaves, leafCount);
    }

    /** The field as a plain leaf, or null when it is anything else. */
    private Leaf leaf(ExecutionContext context, GraphQLObjectType type, MergedField field) {
        GraphQLFieldDefinition definition = getFieldDef(context.getGraphQLSchema(), type, field.getSingleField());
        DataFetcher<?> fetcher = context.getGraphQLSchema().getCodeRegistry().getDataFetcher(type, definition);
        if (!(fetcher instanceof PlainFieldReader reader) || !reader.readsAlone()) {
            return null;
        }
        GraphQLType fieldType = GraphQLTypeUtil.unwrapNonNull(definition.getType());
        boolean nonNull = definition.getType() instanceof GraphQLNonNull;
        if (fieldType instanceof GraphQLScalarType) {
            return new Leaf(reader, fieldType, nonNull, null, null);
        }
        if (fieldType instanceof GraphQLEnumType) {
            return new Leaf(reader, fieldType, nonNull, null, new ConcurrentHashMap<>());
        }
        if (fieldType instanceof GraphQLObjectType objectType) {
            // An object whose selected fields are all plain leaves (a date range) is itself a leaf: graphql-java would
            // neither fetch nor execute anything below it that the data-loader dispatcher counts.
            Plan inner = plan(context, field, objectType);
            if (inner == null) {
                inner = makePlan(context, field, objectType);
            }
            if (inner.leafCount() == inner.keys().size()) {
                return new Leaf(reader, fieldType, nonNull, inner, null);
            }
        }
        return null;
    }

    /**
     * One field in a selection: its AST fields (the same objects for every parent in a request; a field written twice
     * in a selection has two) and the object type.
     */
    private record PlanKey(List<Field> fields, GraphQLObjectType type) {

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof PlanKey key) || key.type != type || key.fields.size() != fields.size()) {
                return false;
            }
            for (int i = 0; i < fields.size(); i++) {
                if (key.fields.get(i) != fields.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int hash = System.identityHashCode(type);
            for (Field field : fields) {
                hash = 31 * hash + System.identityHashCode(field);
            }
            return hash;
        }
    }

    /**
     * A field read by a plain reader: a scalar or enum, or an object whose selected fields are all such leaves
     * ({@code inner} then is their plan). For an enum, {@code enumNames} keeps each value's name once serialised:
     * graphql-java looks a value up by comparing it with each of the enum's values in turn (2,300 times on the flagship
     * query, about 2% of the gateway's CPU), and a value's name never changes.
     */
    record Leaf(PlainFieldReader reader, GraphQLType type, boolean nonNull, Plan inner, Map<Object, Object> enumNames) {

        /** The serialised value, or {@link #UNRESOLVED} when graphql-java would report something. */
        Object resolve(ExecutionContext context, Object parent) {
            Object value;
            try {
                value = context.getValueUnboxer().unbox(reader.read(parent));
                if (value instanceof DataFetcherResult<?> || value instanceof CompletionStage<?>) {
                    return UNRESOLVED;
                }
                if (value != null) {
                    if (inner != null) {
                        Object[] innerLeaves = inner.readLeaves(context, value);
                        return innerLeaves == null ? UNRESOLVED : inner.merge(innerLeaves, List.of());
                    }
                    value = type instanceof GraphQLScalarType scalar
                            ? scalar.getCoercing().serialize(value, context.getGraphQLContext(), context.getLocale())
                            : enumName(context, value);
                }
            } catch (Exception e) {
                return UNRESOLVED;
            }
            return value == null && nonNull ? UNRESOLVED : value;
        }

        private Object enumName(ExecutionContext context, Object value) {
            Object name = enumNames.get(value);
            if (name == null) {
                // a value that does not serialise throws, and is never kept
                name = ((GraphQLEnumType) type).serialize(value, context.getGraphQLContext(), context.getLocale());
                enumNames.put(value, name);
            }
            return name;
        }
    }

    /**
     * The fields of one selection on one object type: all of them, in order, and those that are not plain leaves.
     * {@code leaves[i]} is the plain leaf at key {@code i}, or null.
     */
    static final class Plan {
        private final MergedSelectionSet all;
        private final MergedSelectionSet rest;
        private final List<String> keys;
        private final String[] keyArray;
        private final Leaf[] leaves;
        private final int leafCount;
        /** The other fields as {@link LevelExecution} fetches them, made on its first use in the request. */
        LevelExecution.Fetch[] fetches;

        Plan(MergedSelectionSet all, MergedSelectionSet rest, List<String> keys, Leaf[] leaves, int leafCount) {
            this.all = all;
            this.rest = rest;
            this.keys = keys;
            this.keyArray = keys.toArray(String[]::new);
            this.leaves = leaves;
            this.leafCount = leafCount;
        }

        MergedSelectionSet all() {
            return all;
        }

        MergedSelectionSet rest() {
            return rest;
        }

        List<String> keys() {
            return keys;
        }

        /** A new answer for an object of this plan, its values set later. */
        AnswerObject newAnswer() {
            return new AnswerObject(keyArray);
        }

        /** Whether the field at key {@code i} is a plain leaf. */
        boolean isLeaf(int i) {
            return leaves[i] != null;
        }

        int leafCount() {
            return leafCount;
        }

        /** The leaves' values in key order (null where a key is not a leaf); null when one must take the general path. */
        Object[] readLeaves(ExecutionContext context, Object parent) {
            Object[] values = new Object[leaves.length];
            for (int i = 0; i < leaves.length; i++) {
                if (leaves[i] != null) {
                    Object value = leaves[i].resolve(context, parent);
                    if (value == UNRESOLVED) {
                        return null;
                    }
                    values[i] = value;
                }
            }
            return values;
        }

        /**
         * The object's answer: the leaves (as {@link #readLeaves} gave them, an array the answer then keeps) and the
         * other fields' values (in their order), in the selection's order.
         */
        Map<String, Object> merge(Object[] leafValues, List<Object> restValues) {
            Object[] values = leafValues != null ? leafValues : new Object[leaves.length];
            if (leafCount < leaves.length) {
                int rest = 0;
                for (int i = 0; i < leaves.length; i++) {
                    if (leaves[i] == null) {
                        values[i] = restValues.get(rest++);
                    }
                }
            }
            return new AnswerObject(keyArray, values);
        }
    }
}
