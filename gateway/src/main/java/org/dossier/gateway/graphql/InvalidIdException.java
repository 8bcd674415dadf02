package org.dossier.gateway.graphql;

/** A client sent an id that no Dossier object has ever had. Its message is shown to the client. */
public class InvalidIdException extends RuntimeException {
    public InvalidIdException(String detail) {
        super(detail.contains(" ") ? detail : "not a Dossier id: " + detail);
    }
}
