package org.dossier.gateway.graphql;

/** A request beyond one of the gateway's limits; the message names the limit. */
public class LimitExceededException extends RuntimeException {
    public LimitExceededException(String message) {
        super(message);
    }
}
