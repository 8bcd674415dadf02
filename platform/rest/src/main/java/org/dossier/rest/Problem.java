package org.dossier.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

/**
 * RFC 9457 problem details. {@code field} names the input at fault, where there is one; {@code dependency} names
 * what the service could not reach, when that is why it could not answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, String dependency) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * When to try again after a dependency was found unavailable: a restarted PostgreSQL accepts connections within
     * seconds, and a client that came back sooner would only be refused once more.
     */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** A dependency down: the service cannot answer now, and may later. */
    public static Problem unavailable(String dependency) {
        return new Problem("about:blank", "Service Unavailable", 503,
                dependency + " is unavailable; try again in " + RETRY_AFTER_SECONDS + " s", null, dependency);
    }

    public static Problem of(int status, String title, String detail, String field) {
        return new Problem("about:blank", title, status, detail, field, null);
    }

    public Response response() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    public static Response response(int status, String title, String detail, String field) {
        return of(status, title, detail, field).response();
    }
}
