package org.dossier.gateway.graphql;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * graphql-java's chain of instrumentations, without asking every member about every field.
 * <p>
 * graphql-java asks the instrumentation about each object and each field of an answer six times (execute the object,
 * execute, fetch, instrument the fetcher, complete, complete the list). Its {@link ChainedInstrumentation} asks every
 * member each time, looks up each member's state and wraps their contexts, though most members act only once per
 * request (limits, the answer cache, the status code): 16% of the gateway's samples on the flagship query, whose
 * answer has 23,451 fields. This chain asks, for each of those per-field hooks, only the members that override it, and
 * nothing at all when none does. Members are called exactly as {@link ChainedInstrumentation} calls them: a member
 * that keeps a state of its own is handed it (through the chain's own path); one that keeps none is handed null, which
 * is what its state is. The per-request hooks are {@link ChainedInstrumentation}'s own.
 */
public final class LeanInstrumentationChain extends ChainedInstrumentation {

    /** Where a hook is declared when a member does not override it. */
    private static final Set<Class<?>> NOT_OVERRIDDEN = Set.of(Instrumentation.class, SimplePerformantInstrumentation.class);

    private final Hook executeObject;
    private final Hook fieldExecution;
    private final Hook fieldFetching;
    private final Hook fieldCompletion;
    private final Hook fieldListCompletion;
    private final Hook dataFetcher;
    private final boolean leavesTrivialFieldsAlone;
    private final boolean leavesExecutionStrategyAlone;

    /**
     * The members acting in one hook, and whether they all keep no state of their own (so can be called without the
     * chain looking their state up).
     */
    record Hook(List<Instrumentation> members, boolean stateless) {

        /** One member, called directly; otherwise (several, or one with a state) the chain's own path. */
        Instrumentation single() {
            return stateless && members.size() == 1 ? members.get(0) : null;
        }
    }

    public LeanInstrumentationChain(List<Instrumentation> instrumentations) {
        super(instrumentations);
        Class<?> strategy = InstrumentationExecutionStrategyParameters.class;
        Class<?> field = InstrumentationFieldParameters.class;
        Class<?> fetch = InstrumentationFieldFetchParameters.class;
        Class<?> complete = InstrumentationFieldCompleteParameters.class;
        Class<?> state = InstrumentationState.class;
        this.executeObject = hook(new Signature("beginExecuteObject", strategy, state));
        this.fieldExecution = hook(new Signature("beginFieldExecution", field, state));
        // graphql-java's default beginFieldFetching adapts beginFieldFetch: a member overriding either acts in it.
        this.fieldFetching = hook(new Signature("beginFieldFetching", fetch, state), new Signature("beginFieldFetch", fetch, state));
        this.fieldCompletion = hook(new Signature("beginFieldCompletion", complete, state));
        this.fieldListCompletion = hook(new Signature("beginFieldListCompletion", complete, state));
        this.dataFetcher = hook(new Signature("instrumentDataFetcher", DataFetcher.class, fetch, state));
        this.leavesTrivialFieldsAlone = java.util.stream.Stream.of(executeObject, fieldExecution, fieldFetching, fieldCompletion, fieldListCompletion)
                .allMatch(hook -> hook.members().isEmpty())
                && dataFetcher.members().stream().allMatch(member -> member instanceof LeavesTrivialFetchersAlone);
        this.leavesExecutionStrategyAlone = leavesTrivialFieldsAlone
                && hook(new Signature("beginExecutionStrategy", strategy, state)).members().isEmpty();
    }

    private record Signature(String name, Class<?>... parameters) {
    }

    private Hook hook(Signature... signatures) {
        List<Instrumentation> acting = instrumentations.stream()
                .filter(member -> Arrays.stream(signatures).anyMatch(signature -> overrides(member, signature)))
                .toList();
        boolean stateless = acting.stream().noneMatch(member ->
                overrides(member, new Signature("createState", InstrumentationCreateStateParameters.class))
                        || overrides(member, new Signature("createStateAsync", InstrumentationCreateStateParameters.class)));
        return new Hook(acting, stateless);
    }

    private static boolean overrides(Instrumentation member, Signature signature) {
        try {
            Method method = member.getClass().getMethod(signature.name(), signature.parameters());
            return !NOT_OVERRIDDEN.contains(method.getDeclaringClass());
        } catch (NoSuchMethodException e) {
            return true; // a hook graphql-java no longer has: let the chain's own path decide
        }
    }

    /**
     * A member whose {@code instrumentDataFetcher} gives every {@link graphql.schema.TrivialDataFetcher} back as it
     * is: it acts on fetchers that do more than read a value. It may also be asked once per field of a request rather
     * than once per fetch ({@link LevelExecution}): what it gives back depends on the fetcher and the request only,
     * and it does not ask for the field's environment while instrumenting.
     */
    public interface LeavesTrivialFetchersAlone {
    }

    /**
     * Whether no member acts on objects or on fields fetched by a trivial fetcher, so that such fields may be
     * resolved without asking the chain (see {@link LeanExecutionStrategy}).
     */
    public boolean leavesTrivialFieldsAlone() {
        return leavesTrivialFieldsAlone;
    }

    /**
     * Whether, besides {@link #leavesTrivialFieldsAlone()}, no member acts when the execution strategy starts, so that
     * a query may be answered level by level ({@link LevelExecution}).
     */
    public boolean leavesExecutionStrategyAlone() {
        return leavesExecutionStrategyAlone;
    }

    /** Which members act in the per-field hooks (for the tests). */
    List<Instrumentation> actingPerField() {
        return java.util.stream.Stream.of(executeObject, fieldExecution, fieldFetching, fieldCompletion, fieldListCompletion, dataFetcher)
                .flatMap(hook -> hook.members().stream()).distinct().toList();
    }

    /**
     * A per-field hook: nothing when no member acts in it (graphql-java reads null as "no context"), the one stateless
     * member called directly, or else the chain's own path.
     */
    private static <C> C perField(Hook hook, Function<Instrumentation, C> direct, Supplier<C> chained) {
        if (hook.members().isEmpty()) {
            return null;
        }
        Instrumentation single = hook.single();
        return single != null ? direct.apply(single) : chained.get();
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
                                                                  InstrumentationState state) {
        return perField(executeObject, member -> member.beginExecuteObject(parameters, null),
                () -> super.beginExecuteObject(parameters, state));
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters, InstrumentationState state) {
        return perField(fieldExecution, member -> member.beginFieldExecution(parameters, null),
                () -> super.beginFieldExecution(parameters, state));
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        return perField(fieldFetching, member -> member.beginFieldFetching(parameters, null),
                () -> super.beginFieldFetching(parameters, state));
    }

    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
        return perField(fieldCompletion, member -> member.beginFieldCompletion(parameters, null),
                () -> super.beginFieldCompletion(parameters, state));
    }

    @Override
    public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
        return perField(fieldListCompletion, member -> member.beginFieldListCompletion(parameters, null),
                () -> super.beginFieldListCompletion(parameters, state));
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (!dataFetcher.stateless()) {
            return super.instrumentDataFetcher(fetcher, parameters, state);
        }
        DataFetcher<?> instrumented = fetcher;
        for (Instrumentation member : dataFetcher.members()) { // in the chain's order, as the chain would
            instrumented = member.instrumentDataFetcher(instrumented, parameters, null);
        }
        return instrumented;
    }
}
