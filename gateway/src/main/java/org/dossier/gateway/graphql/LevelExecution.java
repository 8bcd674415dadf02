package org.dossier.gateway.graphql;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLContext;
import graphql.TrivialDataFetcher;
import graphql.collect.ImmutableMapWithNullValues;
import graphql.execution.DataFetcherResult;
import graphql.execution.EngineRunningObserver;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.MergedField;
import graphql.execution.ResolveType;
import graphql.execution.ResultPath;
import graphql.execution.ValueUnboxer;
import graphql.execution.ValuesResolver;
import graphql.execution.directives.QueryDirectives;
import graphql.execution.directives.QueryDirectivesImpl;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.introspection.Introspection;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedField;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.DataFetchingFieldSelectionSetImpl;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.LightDataFetcher;
import graphql.util.FpKit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Supplier;
import org.dataloader.DataLoaderRegistry;

/**
 * One query answered level by level: every object that can be resolved now is resolved, the data loaders are
 * dispatched once when nothing more can proceed without them, and the next wave starts when their batches are back
 * ("dispatch when idle").
 * <p>
 * graphql-java resolves each field through its field machinery: parameters, a path, a step info, a future and a turn
 * of the per-level dispatcher's lock for every batched field and every object, and a future chain for every list
 * (two thirds of the gateway's CPU on the flagship query, whose answer has 23,451 fields and 3,000 batched fields).
 * Here an object's fields are read into its answer in one pass, a batched field is one call to its fetcher, and the
 * paths and step infos that fetchers may ask for are built only when they do. Fetchers get the data-fetching
 * environment graphql-java would give them, each field's fetcher as the instrumentation instruments it (asked once
 * per field of the request: the members allowed here act on the fetcher alone, see
 * {@link LeanInstrumentationChain.LeavesTrivialFetchersAlone}).
 * <p>
 * The gateway's own batched fields ({@code @Source List}, {@link LeanBatchFetching}) are not loaded key by key: the
 * parents waiting for one data loader are given to its batch function in one call when the wave is dispatched, keys
 * asked for once as the loader would ask (no future, cache entry, environment or key context per parent: 4,500
 * parents on the flagship query). Other batched fields go through their data loaders as before.
 * <p>
 * Only answers without errors are made here. Whatever graphql-java would report (a fetcher that throws or returns
 * errors, a null in a non-null field, a value that does not serialise, a type that does not resolve) or a shape this
 * path does not take (a field selected twice with sub-selections, a reactive publisher, extensions from a fetcher)
 * stops it before it has touched the execution context, and the whole request goes down graphql-java's path,
 * which reports it as it always does. It is handed what the root fields' fetchers gave, so it reads the same objects,
 * and what the batches gave or will give them (from the data loaders' caches, or handed over for the batches run
 * here): the services are not asked again for what was fetched without error.
 */
final class LevelExecution {

    /** Why this request leaves the level path; no stack trace, it is not an error of the gateway. */
    private static final class FallBack extends RuntimeException {
        FallBack(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final FallBack FALL_BACK = new FallBack("graphql-java would report something here");

    private final LeanExecutionStrategy strategy;
    private final ExecutionContext context;
    private final ExecutionStrategyParameters root;
    private final ValueUnboxer unboxer;
    private final DataLoaderRegistry loaders;
    private final ResolveType typeResolver = new ResolveType();
    private final CompletableFuture<ExecutionResult> result = new CompletableFuture<>();
    private AnswerObject rootAnswer;
    /** Objects whose fields can be resolved now; only the thread running {@link #drain} touches it. */
    private final ArrayDeque<ObjectTask> ready = new ArrayDeque<>();
    /**
     * Fetches handed to graphql-java's path if it has to make the answer, so that it asks the services nothing again:
     * what the root fields' fetchers gave (it then reads the same objects, whose batched fields are in the data
     * loaders' caches), and the futures of batches that failed (which the data loaders drop from their caches).
     */
    private final Map<FetchKey, Object> handedOver = new HashMap<>();
    /** Objects of the current wave whose answers wait to be filled; only the thread running {@link #drain} touches it. */
    private final List<Unfilled> unfilled = new ArrayList<>();
    /** Fields whose fetcher gave a future (a batched field), waiting for the next dispatch. */
    private List<Waiting> waiting = new ArrayList<>();
    /**
     * Parents waiting for the next dispatch, by data loader, for the fields whose batches the level path runs itself:
     * one batch per loader and dispatch, as the data loader would make it.
     */
    private final Map<String, Batch> batching = new LinkedHashMap<>();
    /**
     * Batches the level path has run, done or not: each parent's value (or its future) is handed over if graphql-java's
     * path takes on, as the data loaders' caches would give it.
     */
    private final List<Batch> started = new ArrayList<>();
    /** Set when the request goes down graphql-java's path: no batch of the wave is started after that (guarded by started). */
    private boolean leftLevelPath;

    LevelExecution(LeanExecutionStrategy strategy, ExecutionContext context, ExecutionStrategyParameters root) {
        this.strategy = strategy;
        this.context = context;
        this.root = root;
        this.unboxer = context.getValueUnboxer();
        this.loaders = context.getDataLoaderRegistry();
    }

    /**
     * Whether a request may start on this path: a query, no introspection of the schema, nothing watching the engine
     * run, and an instrumentation that leaves the execution strategy and plain fields alone (the lean plans being
     * allowed is checked by the caller).
     */
    static boolean applies(ExecutionContext context, ExecutionStrategyParameters root) {
        if (context.getOperationDefinition().getOperation() != OperationDefinition.Operation.QUERY
                || context.getGraphQLContext().get(EngineRunningObserver.ENGINE_RUNNING_OBSERVER_KEY) != null) {
            return false;
        }
        Instrumentation instrumentation = context.getInstrumentation();
        if (instrumentation != SimplePerformantInstrumentation.INSTANCE
                && !(instrumentation instanceof LeanInstrumentationChain chain && chain.leavesExecutionStrategyAlone())) {
            return false;
        }
        for (String key : root.getFields().getKeys()) {
            String name = root.getFields().getSubField(key).getName();
            if (name.startsWith("__") && !name.equals(Introspection.TypeNameMetaFieldDef.getName())) {
                return false;
            }
        }
        return true;
    }

    CompletableFuture<ExecutionResult> run() {
        try {
            GraphQLObjectType type = (GraphQLObjectType) root.getExecutionStepInfo().getUnwrappedNonNullType();
            LeanExecutionStrategy.Plan plan = strategy.planOf(context, root.getFields(), type);
            rootAnswer = plan.newAnswer();
            ready.add(new ObjectTask(plan, type, root.getSource(), root.getLocalContext(), new RootPosition(root), rootAnswer));
            drain();
        } catch (RuntimeException e) {
            fallBack();
        }
        return result;
    }

    /** Resolves every object that can be, then dispatches the loaders and waits for the wave's batches. */
    private void drain() {
        ObjectTask task;
        while ((task = ready.poll()) != null) {
            resolve(task);
        }
        if (waiting.isEmpty() && batching.isEmpty()) {
            fill();
            result.complete(new ExecutionResultImpl(rootAnswer, context.getErrors()));
            return;
        }
        List<Waiting> wave = waiting;
        waiting = new ArrayList<>();
        List<Batch> batches = new ArrayList<>(batching.values());
        batching.clear();
        CompletableFuture<Void> batchesAnswered = new CompletableFuture<>();
        loadInTurn(batches, 0, batchesAnswered);
        if (!batches.isEmpty() && batches.get(0).values == null) {
            fallBack(); // the wave's first batch could not be started: none of its batches is on its way
            return;
        }
        CompletableFuture<?>[] futures = new CompletableFuture<?>[wave.size() + 1];
        for (int i = 0; i < wave.size(); i++) {
            futures[i] = wave.get(i).future;
        }
        futures[wave.size()] = batchesAnswered;
        loaders.dispatchAll();
        // Before the wave's completion is watched: it may complete on another thread, which then resolves the next wave.
        fill();
        CompletableFuture.allOf(futures).whenComplete((done, failure) -> {
            boolean batchFailed = false;
            for (Batch batch : batches) {
                batchFailed |= batch.values != null && batch.values.isCompletedExceptionally();
            }
            if (failure != null || batchFailed) {
                for (Waiting field : wave) {
                    if (field.future.isCompletedExceptionally()) {
                        handedOver.put(new FetchKey(field.owner.source, field.fetch.field), field.future);
                    }
                }
                for (Batch batch : batches) {
                    if (batch.values != null && batch.values.isCompletedExceptionally()) {
                        batch.handOverFailure(handedOver);
                    }
                }
                fallBack();
                return;
            }
            try {
                boolean whole = true;
                for (Batch batch : batches) {
                    List<Object> values = batch.values.join();
                    if (!batch.whole(values)) {
                        // as a data loader fails each key of a batch that does not give one value per key
                        batch.handOverFailure(handedOver, batch.notWhole(values));
                        whole = false;
                    }
                }
                if (!whole) {
                    throw FALL_BACK;
                }
                for (Waiting field : wave) {
                    field.owner.answer.set(field.fetch.index, completeFetched(field.owner, field.fetch, field.future.join()));
                }
                for (Batch batch : batches) {
                    List<Object> values = batch.values.join();
                    for (int i = 0; i < batch.parents.size(); i++) {
                        ObjectTask parent = batch.parents.get(i);
                        Fetch fetch = batch.fetches.get(i);
                        parent.answer.set(fetch.index, completeFetched(parent, fetch, batch.valueOf(values, i)));
                    }
                }
                drain();
            } catch (RuntimeException e) {
                fallBack();
            }
        });
    }

    /**
     * Starts the wave's batches one after another, each when the one before has answered (or failed), as blocking batch
     * functions ran in turn on the request's context: the services see the calls of one request one at a time, as
     * before they became non-blocking. Completes when the last has answered; fails (with nothing more started) if a
     * batch could not be started, which sends the request down graphql-java's path.
     */
    private void loadInTurn(List<Batch> batches, int next, CompletableFuture<Void> allAnswered) {
        if (next == batches.size()) {
            allAnswered.complete(null);
            return;
        }
        Batch batch = batches.get(next);
        synchronized (started) { // against fallBack: a batch is either handed over to graphql-java's path or never started
            if (leftLevelPath) {
                return; // graphql-java's path loads what it needs itself
            }
            try {
                batch.load(this);
            } catch (RuntimeException e) {
                allAnswered.completeExceptionally(e);
                return;
            }
            started.add(batch);
        }
        batch.values.whenComplete((values, failure) -> loadInTurn(batches, next + 1, allAnswered));
    }

    /**
     * One data loader's batch for a wave, run by the level path itself: its keys (the parents) and, for each, the field
     * it was asked for (the same loader may serve several selections of one field).
     */
    private static final class Batch {
        final String loader;
        final List<ObjectTask> parents = new ArrayList<>();
        final List<Fetch> fetches = new ArrayList<>();
        /** For each parent, the place of its key among the keys asked for (a key is asked for once, as a data loader does). */
        private int[] places;
        private int keyCount;
        volatile CompletableFuture<List<Object>> values; // set when the batch starts, maybe on another thread

        Batch(String loader) {
            this.loader = loader;
        }

        void add(ObjectTask parent, Fetch fetch) {
            parents.add(parent);
            fetches.add(fetch);
        }

        /**
         * Calls the loader's batch function for all parents at once: no future, cache entry or key context per parent.
         * SmallRye's batch reads the first key's context only (its arguments and environment), so that one is made.
         */
        void load(LevelExecution execution) {
            List<Object> sources = new ArrayList<>(parents.size());
            Map<LoadKey, Integer> asked = new HashMap<>((int) (parents.size() / 0.75f) + 1);
            places = new int[parents.size()];
            for (int i = 0; i < places.length; i++) {
                Object source = parents.get(i).source;
                Integer place = asked.putIfAbsent(new LoadKey(source, fetches.get(i).arguments()), sources.size());
                if (place == null) {
                    place = sources.size();
                    sources.add(source);
                }
                places[i] = place;
            }
            keyCount = sources.size();
            Fetch first = fetches.get(0);
            first.checkDeadline(); // before the batch's downstream call, as before each key's load
            try {
                values = first.batcher.loadAll(execution.loaders, sources, execution.environment(parents.get(0), first));
            } catch (Exception e) {
                throw FALL_BACK;
            }
        }

        /** Each parent's field, for graphql-java's path: failed as the batch failed (a data loader's way). */
        void handOverFailure(Map<FetchKey, Object> handedOver) {
            Throwable cause = values.handle((list, failure) -> failure).join();
            handOverFailure(handedOver, cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause);
        }

        void handOverFailure(Map<FetchKey, Object> handedOver, Throwable cause) {
            for (int i = 0; i < parents.size(); i++) {
                handedOver.put(new FetchKey(parents.get(i).source, fetches.get(i).field), CompletableFuture.failedFuture(cause));
            }
        }

        /**
         * Each parent's field, for graphql-java's path: the value the batch gives it (now or later), so that it is not
         * asked again. A failure handed over already stays.
         */
        void handOverValues(Map<FetchKey, Object> handedOver) {
            for (int i = 0; i < parents.size(); i++) {
                int place = places[i];
                handedOver.putIfAbsent(new FetchKey(parents.get(i).source, fetches.get(i).field), values.thenApply(list -> {
                    if (!whole(list)) {
                        throw notWhole(list);
                    }
                    return list.get(place);
                }));
            }
        }

        /** Whether the batch gave one value per key asked for. */
        boolean whole(List<Object> list) {
            return list != null && list.size() == keyCount;
        }

        IllegalStateException notWhole(List<Object> list) {
            return new IllegalStateException("the batch of " + loader + " gave "
                    + (list == null ? "no list" : list.size() + " values") + " for " + keyCount + " keys");
        }

        Object valueOf(List<Object> list, int parent) {
            return list.get(places[parent]);
        }
    }

    /** A key as a data loader caches it: the parent (by its equality) and the field's arguments. */
    private record LoadKey(Object source, Map<String, Object> arguments) {

        // written out: a record's generated methods go through a method handle, 1% of the gateway's CPU here
        @Override
        public boolean equals(Object other) {
            return other instanceof LoadKey key && key.source.equals(source) && key.arguments.equals(arguments);
        }

        @Override
        public int hashCode() {
            return 31 * source.hashCode() + arguments.hashCode();
        }
    }

    private void fallBack() {
        if (result.isDone()) {
            return;
        }
        try {
            synchronized (started) {
                leftLevelPath = true;
                for (Batch batch : started) {
                    batch.handOverValues(handedOver);
                }
            }
            context.getGraphQLContext().put(HANDED_OVER, handedOver);
            strategy.generalPath(context, root).whenComplete((answer, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(answer);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    /**
     * Fetches an object's other fields (waiting when batched); its answer is filled by {@link #fill}, once the wave's
     * batches are on their way.
     */
    private void resolve(ObjectTask task) {
        LeanExecutionStrategy.Plan plan = task.plan;
        Fetch[] fetches = fetchesOf(plan, task.type);
        Object[] fetchedValues = new Object[fetches.length];
        for (int next = 0; next < fetches.length; next++) {
            Fetch fetch = fetches[next];
            if (fetch.batcher != null && !(task.position instanceof RootPosition)) {
                batching.computeIfAbsent(fetch.batcher.loaderName(), Batch::new).add(task, fetch); // set when it is back
                continue;
            }
            Object fetched = fetch.fetch(this, task);
            if (fetched instanceof CompletionStage<?> stage) {
                fetched = stage.toCompletableFuture();
            }
            if (task.position instanceof RootPosition && !fetch.plain()) {
                handedOver.put(new FetchKey(task.source, fetch.field), fetched);
            }
            if (fetched instanceof CompletableFuture<?> future) {
                waiting.add(new Waiting(task, fetch, future)); // its value is set when the batch is back
            } else {
                fetchedValues[next] = completeFetched(task, fetch, fetched);
            }
        }
        unfilled.add(new Unfilled(task, fetchedValues));
    }

    /**
     * Reads the plain leaves of the objects resolved in this wave and writes their answers in the selection's order.
     * Done after the wave's batches are dispatched, so that it runs while the services answer.
     */
    private void fill() {
        for (Unfilled object : unfilled) {
            ObjectTask task = object.task;
            LeanExecutionStrategy.Plan plan = task.plan;
            Object[] leaves = null;
            if (plan.leafCount() > 0) {
                leaves = plan.readLeaves(context, task.source);
                if (leaves == null) {
                    throw FALL_BACK;
                }
            }
            Fetch[] fetches = plan.fetches;
            for (int next = 0; next < fetches.length; next++) {
                task.answer.set(fetches[next].index, object.fetchedValues[next]);
            }
            for (int i = 0; leaves != null && i < leaves.length; i++) {
                if (plan.isLeaf(i)) {
                    task.answer.set(i, leaves[i]);
                }
            }
        }
        unfilled.clear();
    }

    /** An object whose other fields were fetched and whose answer is still empty. */
    private record Unfilled(ObjectTask task, Object[] fetchedValues) {
    }

    private Fetch[] fetchesOf(LeanExecutionStrategy.Plan plan, GraphQLObjectType type) {
        Fetch[] fetches = plan.fetches;
        if (fetches == null) {
            List<String> keys = plan.keys();
            fetches = new Fetch[keys.size() - plan.leafCount()];
            int next = 0;
            for (int i = 0; i < keys.size(); i++) {
                if (!plan.isLeaf(i)) {
                    fetches[next++] = new Fetch(context, root, type, i, keys.get(i), plan.all().getSubField(keys.get(i)));
                }
            }
            plan.fetches = fetches;
        }
        return fetches;
    }

    private Object completeFetched(ObjectTask owner, Fetch fetch, Object fetched) {
        Object localContext = owner.localContext;
        if (fetched instanceof DataFetcherResult<?> wrapped) {
            localContext = localContextOf(wrapped, localContext);
            fetched = wrapped.getData();
        }
        return complete(fetch, fetch.definition.getType(), unboxer.unbox(fetched), new FieldPosition(owner.position, fetch), localContext);
    }

    private static Object localContextOf(DataFetcherResult<?> wrapped, Object inherited) {
        if (wrapped.hasErrors() || wrapped.getExtensions() != null) {
            throw FALL_BACK;
        }
        return wrapped.getLocalContext() != null ? wrapped.getLocalContext() : inherited;
    }

    /** A value completed as graphql-java completes it; objects come back as their (still empty) answers, queued. */
    private Object complete(Fetch fetch, GraphQLOutputType type, Object value, Position position, Object localContext) {
        if (value == null) {
            if (type instanceof GraphQLNonNull) {
                throw FALL_BACK;
            }
            return null;
        }
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (bare instanceof GraphQLList list) {
            if (!FpKit.isIterable(value)) {
                throw FALL_BACK;
            }
            GraphQLOutputType itemType = (GraphQLOutputType) list.getWrappedType();
            List<Object> items = new ArrayList<>(FpKit.toSize(value).orElse(8));
            int index = 0;
            for (Object item : FpKit.toIterable(value)) {
                Object itemContext = localContext;
                if (item instanceof DataFetcherResult<?> wrapped) {
                    itemContext = localContextOf(wrapped, localContext);
                    item = wrapped.getData();
                }
                items.add(complete(fetch, itemType, unboxer.unbox(item), new ElementPosition(position, index++), itemContext));
            }
            return items;
        }
        if (bare instanceof GraphQLScalarType || bare instanceof GraphQLEnumType) {
            Object serialised;
            try {
                serialised = bare instanceof GraphQLScalarType scalar
                        ? scalar.getCoercing().serialize(value, context.getGraphQLContext(), context.getLocale())
                        : ((GraphQLEnumType) bare).serialize(value, context.getGraphQLContext(), context.getLocale());
            } catch (RuntimeException e) {
                throw FALL_BACK;
            }
            if (serialised == null && type instanceof GraphQLNonNull) {
                throw FALL_BACK;
            }
            return serialised;
        }
        GraphQLObjectType objectType = bare instanceof GraphQLObjectType object ? object
                : typeResolver.resolveType(context, fetch.field, value, position.stepInfo(this), bare, localContext);
        LeanExecutionStrategy.Plan plan = fetch.planFor(this, objectType);
        if (plan == null) {
            throw FALL_BACK;
        }
        if (plan.leafCount() == plan.keys().size()) {
            Object[] leaves = plan.readLeaves(context, value);
            if (leaves == null) {
                throw FALL_BACK;
            }
            return plan.merge(leaves, List.of());
        }
        AnswerObject answer = plan.newAnswer();
        ready.add(new ObjectTask(plan, objectType, value, localContext, new ObjectPosition(position, objectType), answer));
        return answer;
    }

    /** An object to resolve: its plan, its value and its answer, which its parent already holds. */
    private record ObjectTask(LeanExecutionStrategy.Plan plan, GraphQLObjectType type, Object source, Object localContext,
                              Position position, AnswerObject answer) {
    }

    /** Where graphql-java's path finds the fetches handed over to it. */
    private static final String HANDED_OVER = LevelExecution.class.getName() + ".handedOver";

    /**
     * A field of one object: the object, and the field's first node in the query document, both by identity.
     * graphql-java's path collects its own merged fields for each object, from the same nodes.
     */
    private record FetchKey(Object source, Field node) {

        FetchKey(Object source, MergedField field) {
            this(source, field.getSingleField());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FetchKey key && key.source == source && key.node == node;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(source) + System.identityHashCode(node);
        }
    }

    /**
     * What the level path fetched for this field of this object (a value or a future) and handed over to graphql-java's
     * path, which is now making the answer; null when the field is to be fetched.
     */
    static Object fetchedOnLevelPath(GraphQLContext context, Object source, MergedField field) {
        if (context.get(HANDED_OVER) instanceof Map<?, ?> handedOver && !handedOver.isEmpty()) {
            return handedOver.get(new FetchKey(source, field));
        }
        return null;
    }

    /** A field whose fetcher gave a future. */
    private record Waiting(ObjectTask owner, Fetch fetch, CompletableFuture<?> future) {
    }

    /**
     * One field of one selection on one object type, for the request: its definition, its fetcher as instrumented,
     * its arguments and directives (the same for every object, as they depend on the query and its variables).
     */
    static final class Fetch {
        /** The field's place in its object's selection. */
        final int index;
        final String key;
        final MergedField field;
        final GraphQLFieldDefinition definition;
        final GraphQLObjectType parentType;
        private final boolean typeName;
        private final DataFetcher<?> fetcher;
        private final PlainFieldReader reader;
        private GraphQLObjectType lastType;
        private LeanExecutionStrategy.Plan lastPlan;
        /** The field's batch fetcher when the level path runs its batches itself (see {@link #loadAll}), else null. */
        private final LeanBatchFetching.LeanBatchFetcher batcher;
        private final RequestLimits.DeadlineFetcher deadline;

        private final Supplier<ImmutableMapWithNullValues<String, Object>> arguments;
        private final QueryDirectives directives;

        Fetch(ExecutionContext context, ExecutionStrategyParameters root, GraphQLObjectType parentType, int index,
              String key, MergedField field) {
            this.index = index;
            this.key = key;
            this.field = field;
            this.parentType = parentType;
            this.definition = Introspection.getFieldDefinition(context.getGraphQLSchema(), parentType, field.getName());
            this.typeName = definition == Introspection.TypeNameMetaFieldDef;
            DataFetcher<?> raw = context.getGraphQLSchema().getCodeRegistry().getDataFetcher(parentType, definition);
            InstrumentationFieldFetchParameters parameters = new InstrumentationFieldFetchParameters(context,
                    () -> {
                        throw new FallBack("an instrumentation asked for a field's environment while instrumenting its fetcher");
                    }, root, raw instanceof TrivialDataFetcher);
            this.fetcher = context.getInstrumentation().instrumentDataFetcher(raw, parameters, context.getInstrumentationState());
            this.reader = fetcher instanceof PlainFieldReader plain && plain.readsAlone() ? plain : null;
            // The lean batch fetcher, behind the request timeout's check at most: what else an instrumentation wraps
            // around a field's fetcher must see each object, so those fields go through their fetcher per object.
            this.deadline = fetcher instanceof RequestLimits.DeadlineFetcher guarded ? guarded : null;
            DataFetcher<?> unguarded = deadline != null ? deadline.inner() : fetcher;
            this.batcher = unguarded instanceof LeanBatchFetching.LeanBatchFetcher lean
                    && lean.loadsAll(context.getDataLoaderRegistry()) ? lean : null;
            this.arguments = definition.getArguments().isEmpty() ? ImmutableMapWithNullValues::emptyMap
                    : FpKit.intraThreadMemoize(() -> ImmutableMapWithNullValues.copyOf(ValuesResolver.getArgumentValues(
                    context.getGraphQLSchema().getCodeRegistry(), definition.getArguments(), field.getArguments(),
                    context.getCoercedVariables(), context.getGraphQLContext(), context.getLocale())));
            this.directives = new QueryDirectivesImpl(field, context.getGraphQLSchema(), context.getCoercedVariables(),
                    context.getNormalizedVariables(), context.getGraphQLContext(), context.getLocale());
        }

        /** The fetched value, or a future of it; a fetcher that throws or publishes reactively ends the level path. */
        Object fetch(LevelExecution execution, ObjectTask owner) {
            if (typeName) {
                return owner.type.getName();
            }
            Object fetched;
            try {
                if (reader != null) {
                    fetched = reader.read(owner.source);
                } else if (fetcher instanceof LightDataFetcher<?> light) {
                    fetched = light.get(definition, owner.source, () -> execution.environment(owner, this));
                } else {
                    fetched = fetcher.get(execution.environment(owner, this));
                }
            } catch (Exception e) {
                throw FALL_BACK;
            }
            if (fetched instanceof Flow.Publisher<?> || fetched instanceof org.reactivestreams.Publisher<?>) {
                throw FALL_BACK;
            }
            return fetched;
        }

        private void checkDeadline() {
            if (deadline != null) {
                try {
                    deadline.checkDeadline();
                } catch (RuntimeException e) {
                    throw FALL_BACK; // graphql-java's path reports it
                }
            }
        }

        /** Read by a plain reader or a light fetcher: nothing a second reading would ask the services for. */
        boolean plain() {
            return typeName || reader != null || fetcher instanceof LightDataFetcher<?>;
        }

        /** The plan of this field's objects of this type; the last one is kept, as a list's objects share their type. */
        LeanExecutionStrategy.Plan planFor(LevelExecution execution, GraphQLObjectType type) {
            if (type != lastType) {
                lastPlan = execution.strategy.plan(execution.context, field, type);
                lastType = type;
            }
            return lastPlan;
        }

        ImmutableMapWithNullValues<String, Object> arguments() {
            return arguments.get();
        }
    }

    /** The environment graphql-java would give this field's fetcher for this object. */
    private DataFetchingEnvironment environment(ObjectTask owner, Fetch fetch) {
        FieldPosition position = new FieldPosition(owner.position, fetch);
        Supplier<ExecutionStepInfo> stepInfo = () -> position.stepInfo(this);
        Supplier<ExecutableNormalizedField> normalized = () -> context.getNormalizedQueryTree().get()
                .getNormalizedField(fetch.field, fetch.parentType, position.path());
        return DataFetchingEnvironmentImpl.newDataFetchingEnvironment(context)
                .source(owner.source)
                .localContext(owner.localContext)
                .arguments(() -> fetch.arguments())
                .fieldDefinition(fetch.definition)
                .mergedField(fetch.field)
                .fieldType(fetch.definition.getType())
                .executionStepInfo(stepInfo)
                .parentType(fetch.parentType)
                .selectionSet(DataFetchingFieldSelectionSetImpl.newCollector(context.getGraphQLSchema(),
                        fetch.definition.getType(), normalized))
                .queryDirectives(fetch.directives)
                .build();
    }

    /**
     * A place in the answer, whose path and graphql-java step info are built only when a fetcher or a type resolver
     * asks for them (most places are never asked).
     */
    private abstract static class Position {
        private ExecutionStepInfo stepInfo;
        private ResultPath path;

        final ExecutionStepInfo stepInfo(LevelExecution execution) {
            if (stepInfo == null) {
                stepInfo = makeStepInfo(execution);
            }
            return stepInfo;
        }

        final ResultPath path() {
            if (path == null) {
                path = makePath();
            }
            return path;
        }

        abstract ExecutionStepInfo makeStepInfo(LevelExecution execution);

        abstract ResultPath makePath();
    }

    private static final class RootPosition extends Position {
        private final ExecutionStrategyParameters root;

        RootPosition(ExecutionStrategyParameters root) {
            this.root = root;
        }

        @Override
        ExecutionStepInfo makeStepInfo(LevelExecution execution) {
            return root.getExecutionStepInfo();
        }

        @Override
        ResultPath makePath() {
            return root.getPath();
        }
    }

    /** A field's value in an object. */
    private static final class FieldPosition extends Position {
        private final Position object;
        private final Fetch fetch;

        FieldPosition(Position object, Fetch fetch) {
            this.object = object;
            this.fetch = fetch;
        }

        @Override
        ExecutionStepInfo makeStepInfo(LevelExecution execution) {
            return ExecutionStepInfo.newExecutionStepInfo()
                    .type(fetch.definition.getType())
                    .fieldDefinition(fetch.definition)
                    .fieldContainer(fetch.parentType)
                    .field(fetch.field)
                    .path(path())
                    .parentInfo(object.stepInfo(execution))
                    .arguments(fetch::arguments)
                    .build();
        }

        @Override
        ResultPath makePath() {
            return object.path().segment(fetch.key);
        }
    }

    /** An item of a list. */
    private static final class ElementPosition extends Position {
        private final Position list;
        private final int index;

        ElementPosition(Position list, int index) {
            this.list = list;
            this.index = index;
        }

        @Override
        ExecutionStepInfo makeStepInfo(LevelExecution execution) {
            return execution.strategy.stepInfos().newExecutionStepInfoForListElement(list.stepInfo(execution), path());
        }

        @Override
        ResultPath makePath() {
            return list.path().segment(index);
        }
    }

    /** An object, once its type is known (the place of a field's value or a list's item). */
    private static final class ObjectPosition extends Position {
        private final Position value;
        private final GraphQLObjectType type;

        ObjectPosition(Position value, GraphQLObjectType type) {
            this.value = value;
            this.type = type;
        }

        @Override
        ExecutionStepInfo makeStepInfo(LevelExecution execution) {
            return value.stepInfo(execution).changeTypeWithPreservedNonNull(type);
        }

        @Override
        ResultPath makePath() {
            return value.path();
        }
    }
}
