package org.dossier.gateway.graphql;

import io.smallrye.graphql.api.ErrorCode;

/** A client sent an id that no Dossier object has ever had. Its message is shown to the client. */
@ErrorCode("INVALID_ID")
public class InvalidIdException extends RuntimeException {
    public InvalidIdException(String detail) {
        super(detail.contains(" ") ? detail : "not a Dossier id: " + detail);
    }
}
