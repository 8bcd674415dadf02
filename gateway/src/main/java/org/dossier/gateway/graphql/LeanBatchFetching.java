package org.dossier.gateway.graphql;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.execution.datafetcher.BatchDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.ArgumentHelper;
import io.smallrye.graphql.execution.datafetcher.helper.BatchLoaderHelper;
import io.smallrye.graphql.schema.model.Operation;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Hands each parent of a {@code @Source List} field to its data loader without SmallRye's per-parent preamble.
 * SmallRye's {@link BatchDataFetcher} builds its request context (with a description of the selection below) for
 * every parent, 1,000 times for the statements of the flagship query, and wraps each key in a Mutiny pipeline; but
 * the batch function rebuilds the context itself from the first key's environment when the batch runs, and CDI
 * events are off. This fetcher puts the same key and key context in the same loader: the batch, its arguments and the
 * answer are unchanged. Must come first in the instrumentation chain, to see SmallRye's fetcher itself.
 */
public class LeanBatchFetching extends SimplePerformantInstrumentation implements LeanInstrumentationChain.LeavesTrivialFetchersAlone {

    private static final Logger LOG = Logger.getLogger(LeanBatchFetching.class);

    /** SmallRye's fetcher → ours; empty where its operation could not be read (then SmallRye's is kept). */
    private final Map<BatchDataFetcher<?>, Optional<LeanBatchFetcher>> lean = new ConcurrentHashMap<>();

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (!(fetcher instanceof BatchDataFetcher<?> batch)) {
            return fetcher;
        }
        Optional<LeanBatchFetcher> replacement = lean.computeIfAbsent(batch, LeanBatchFetching::leanFor);
        return replacement.isPresent() ? replacement.get() : fetcher;
    }

    private static Optional<LeanBatchFetcher> leanFor(BatchDataFetcher<?> batch) {
        try {
            Operation operation = (Operation) operationField().get(batch);
            return Optional.of(new LeanBatchFetcher(new BatchLoaderHelper().getName(operation),
                    new ArgumentHelper(operation.getArguments())));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A SmallRye upgrade that renames the field costs speed, not answers.
            LOG.warnf("SmallRye's batch fetcher kept (its operation could not be read: %s)", e.toString());
            return Optional.empty();
        }
    }

    /** Where SmallRye's fetcher keeps its operation (private: a SmallRye upgrade may move it; a test watches). */
    static Field operationField() throws NoSuchFieldException {
        Field field = BatchDataFetcher.class.getDeclaredField("operation");
        field.setAccessible(true);
        return field;
    }

    /** What SmallRye's fetcher ends with: the parent as key, its arguments and environment as the key's context. */
    record LeanBatchFetcher(String loaderName, ArgumentHelper arguments) implements DataFetcher<Object> {

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            Object fetched = LevelExecution.fetchedOnLevelPath(environment.getGraphQlContext(), environment.getSource(),
                    environment.getMergedField());
            if (fetched != null) {
                return fetched; // a batch that failed on the level path: reported as graphql-java reports it, not asked again
            }
            Map<String, Object> keyContext = new HashMap<>(4);
            keyContext.put("arguments", arguments.getArguments(environment, true));
            keyContext.put("dataFetchingEnvironment", environment);
            return environment.<Object, Object>getDataLoader(loaderName).load(environment.getSource(), keyContext);
        }
    }
}
