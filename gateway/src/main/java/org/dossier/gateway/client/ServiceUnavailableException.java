package org.dossier.gateway.client;

import java.util.concurrent.atomic.AtomicBoolean;

/** A downstream service could not answer: unreachable, timed out, failing (5xx), or its circuit breaker open. */
public class ServiceUnavailableException extends RuntimeException {

    private final String service;
    private final AtomicBoolean reported = new AtomicBoolean();

    ServiceUnavailableException(String service, String reason, Throwable cause) {
        super(service + " is unavailable (" + reason + "); try again later", cause);
        this.service = service;
    }

    public String service() {
        return service;
    }

    /**
     * True the first time only: one failed call fails every field batched into it, and each field gets its error
     * entry, but the failure is logged once.
     */
    public boolean firstReport() {
        return reported.compareAndSet(false, true);
    }
}
