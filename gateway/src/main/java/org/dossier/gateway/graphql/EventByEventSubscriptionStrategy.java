package org.dossier.gateway.graphql;

import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FetchedValue;
import graphql.execution.FieldValueInfo;
import graphql.execution.NonNullableFieldWasNullException;
import graphql.execution.SubscriptionExecutionStrategy;
import java.util.concurrent.CompletionException;

/**
 * graphql-java's subscription strategy, except that an event whose null reaches the subscription's own field is
 * delivered as an event without data, with its errors, and the subscription goes on.
 * <p>
 * A query answers such a null with {@code "data": null} and the errors. graphql-java's subscription strategy does not
 * handle it: the event fails, the stream of events ends with an error that SmallRye's graphql-ws handler only logs,
 * and the subscriber hears nothing more. In Dossier that happened whenever a downstream service was down while a
 * subscriber selected a non-null field it owns ({@code statementAdded { article { title } } }, article-service down).
 * The error that says which field was null is already among the event's errors when the null reaches the root.
 */
public final class EventByEventSubscriptionStrategy extends SubscriptionExecutionStrategy {

    public EventByEventSubscriptionStrategy(DataFetcherExceptionHandler exceptionHandler) {
        super(exceptionHandler);
    }

    @Override
    protected FieldValueInfo completeField(ExecutionContext context, ExecutionStrategyParameters parameters, FetchedValue fetched) {
        if (parameters.getPath().getLevel() != 1) {
            return super.completeField(context, parameters, fetched); // below the subscription's field: as in a query
        }
        FieldValueInfo completed;
        try {
            completed = super.completeField(context, parameters, fetched);
        } catch (NonNullableFieldWasNullException e) {
            return new FieldValueInfo(FieldValueInfo.CompleteValueType.NULL, null);
        }
        if (!completed.isFutureValue()) {
            return completed;
        }
        return new FieldValueInfo(completed.getCompleteValueType(), completed.getFieldValueFuture().handle((value, failure) -> {
            if (failure == null) {
                return value;
            }
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof NonNullableFieldWasNullException) {
                return null;
            }
            throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
        }), completed.getFieldValueInfos());
    }
}
