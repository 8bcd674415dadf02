package org.dossier.gateway.graphql;

import graphql.ErrorType;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dossier.gateway.client.ServiceUnavailableException;
import org.jboss.logging.Logger;

/**
 * A field that failed because a downstream service is unavailable gets an error naming the service, with the
 * extensions {@code code: SERVICE_UNAVAILABLE} and {@code service}, so a client knows what is down and to try again;
 * logged once per failed call, with its cause. Every other failure is left to SmallRye's handler ("System error",
 * unless shown on purpose: a client's mistake), and logged here with its cause unless it is a client's mistake.
 */
public final class DownstreamErrors implements DataFetcherExceptionHandler {

    public static final String CODE = "SERVICE_UNAVAILABLE";

    private static final Logger LOG = Logger.getLogger(DownstreamErrors.class);

    private final DataFetcherExceptionHandler others;

    public DownstreamErrors(DataFetcherExceptionHandler others) {
        this.others = others;
    }

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters parameters) {
        ServiceUnavailableException unavailable = unavailable(parameters.getException());
        if (unavailable == null) {
            Throwable failure = parameters.getException();
            if (!(failure instanceof InvalidIdException) && !(failure instanceof LimitExceededException)) {
                // a failure of ours, answered "System error": the log is the only place that says what it was
                LOG.errorf(failure, "%s: System error", parameters.getPath());
            }
            return others.handleException(parameters);
        }
        if (unavailable.firstReport()) {
            LOG.warnf(unavailable.getCause(), "%s: %s", parameters.getPath(), unavailable.getMessage());
        }
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult()
                .error(GraphqlErrorBuilder.newError()
                        .message(unavailable.getMessage())
                        .path(parameters.getPath())
                        .location(parameters.getSourceLocation())
                        .errorType(ErrorType.DataFetchingException)
                        .extensions(Map.of("code", CODE, "service", unavailable.service()))
                        .build())
                .build());
    }

    /** Through whatever wraps it: a future's completion, SmallRye's data fetcher exception. */
    private static ServiceUnavailableException unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServiceUnavailableException unavailable) {
                return unavailable;
            }
        }
        return null;
    }
}
