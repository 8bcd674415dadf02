package org.dossier.gateway.client;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.ResponseProcessingException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Names the service in a failure that says it is unavailable. Outside the fault-tolerance interceptor (a lower
 * priority runs first), so it sees what is left after the retries, and the circuit breaker's refusals too.
 */
@DownstreamService
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
class DownstreamServiceInterceptor {

    @AroundInvoke
    Object nameTheService(InvocationContext context) throws Exception {
        String service = context.getMethod().getDeclaringClass().getAnnotation(DownstreamService.class).value();
        Object result;
        try {
            result = context.proceed();
        } catch (RuntimeException e) {
            throw named(service, e);
        }
        if (result instanceof CompletionStage<?> call) {
            return call.handle((value, failure) -> {
                if (failure != null) {
                    throw new CompletionException(named(service, failure instanceof CompletionException c && c.getCause() != null
                            ? c.getCause() : failure));
                }
                return value;
            });
        }
        return result;
    }

    /** The failure as a {@link ServiceUnavailableException} when it means the service is unavailable, else as it was. */
    static RuntimeException named(String service, Throwable failure) {
        String reason = reason(failure);
        if (reason != null) {
            return new ServiceUnavailableException(service, reason, failure);
        }
        return failure instanceof RuntimeException runtime ? runtime : new CompletionException(failure);
    }

    private static String reason(Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return "its circuit breaker is open after repeated failures";
        }
        if (failure instanceof TimeoutException) {
            return "no answer in time";
        }
        if (failure instanceof FaultToleranceException) {
            return failure.getMessage();
        }
        if (failure instanceof WebApplicationException http && http.getResponse().getStatus() >= 500) {
            return "it answered " + http.getResponse().getStatus();
        }
        // A connection refused or lost; not an answer we could not read, which is a mismatch of ours, not an outage.
        if (failure instanceof ProcessingException && !(failure instanceof ResponseProcessingException)) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        }
        return null;
    }
}
