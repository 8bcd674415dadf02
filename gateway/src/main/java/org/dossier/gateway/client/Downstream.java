package org.dossier.gateway.client;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** Waiting for a downstream call, for the few callers that may block (a worker thread, never an event loop). */
public final class Downstream {

    private Downstream() {
    }

    /** The call's value, or its failure as the call raised it (not wrapped), as a blocking client would throw it. */
    public static <T> T await(CompletionStage<T> call) {
        try {
            return call.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
