package org.dossier.gateway.client;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A client of the named downstream service: a failure that says the service is unavailable (after the client's own
 * retries, or its circuit breaker open) leaves the client as a {@link ServiceUnavailableException} naming it.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DownstreamService {

    /** The service's name, as the launcher and Kubernetes name it (article-service, ...). */
    @Nonbinding
    String value() default "";
}
