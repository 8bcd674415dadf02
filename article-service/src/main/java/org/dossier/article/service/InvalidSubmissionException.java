package org.dossier.article.service;

/** A submission that cannot be accepted; names the field at fault and the HTTP status that says why. */
public class InvalidSubmissionException extends RuntimeException {
    private final String field;
    private final int status;

    public InvalidSubmissionException(String field, String detail, int status) {
        super(detail);
        this.field = field;
        this.status = status;
    }

    public InvalidSubmissionException(String field, String detail) {
        this(field, detail, 400);
    }

    public String field() {
        return field;
    }

    public int status() {
        return status;
    }
}
