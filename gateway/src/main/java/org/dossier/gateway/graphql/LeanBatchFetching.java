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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.BatchLoaderWithContext;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
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
            return environment.<Object, Object>getDataLoader(loaderName).load(environment.getSource(), keyContext(environment));
        }

        /** What SmallRye's batch function reads of a key: its arguments and its environment. */
        Map<String, Object> keyContext(DataFetchingEnvironment environment) throws Exception {
            Map<String, Object> keyContext = new HashMap<>(4);
            keyContext.put("arguments", arguments.getArguments(environment, true));
            keyContext.put("dataFetchingEnvironment", environment);
            return keyContext;
        }

        /** Whether {@link #loadAll} can run this field's batches in this request. */
        boolean loadsAll(DataLoaderRegistry loaders) {
            DataLoader<?, ?> loader = loaders.getDataLoader(loaderName);
            return loader != null && loader.getBatchLoadFunction() instanceof BatchLoaderWithContext<?, ?>;
        }

        /**
         * One batch for all these parents, straight through the data loader's own batch function (no future, cache
         * entry or key context per parent). SmallRye's batch reads the first key's context only (its arguments and
         * environment, the same for every parent of one field), so each parent is given that one.
         */
        CompletableFuture<List<Object>> loadAll(DataLoaderRegistry loaders, List<Object> parents,
                                                 DataFetchingEnvironment firstEnvironment) throws Exception {
            @SuppressWarnings("unchecked")
            BatchLoaderWithContext<Object, Object> batch =
                    (BatchLoaderWithContext<Object, Object>) loaders.getDataLoader(loaderName).getBatchLoadFunction();
            BatchLoaderEnvironment environment = BatchLoaderEnvironment.newBatchLoaderEnvironment()
                    .keyContexts(parents, Collections.nCopies(parents.size(), keyContext(firstEnvironment)))
                    .build();
            return batch.load(parents, environment).toCompletableFuture();
        }
    }
}
