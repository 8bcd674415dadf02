package org.dossier.article.rest;

import org.dossier.rest.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dossier.article.service.InvalidSubmissionException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every client error as application/problem+json that names what is wrong. */
public class ProblemMappers {

    /** The problem a client mistake stands for, or empty for a failure of ours. Shared with the batch endpoint. */
    static Optional<Problem> problemOf(Throwable e) {
        if (e instanceof InvalidSubmissionException invalid) {
            return Optional.of(Problem.of(invalid.status(), invalid.status() == 413 ? "Text too large" : "Invalid article",
                    invalid.getMessage(), invalid.field()));
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Optional.of(Problem.of(400, "Unknown field", "unknown field '" + unknown.getPropertyName() + "'; accepted: "
                    + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")),
                    unknown.getPropertyName()));
        }
        if (e instanceof InvalidFormatException wrongType) {
            String field = path(wrongType);
            return Optional.of(Problem.of(400, "Invalid field", wrongType(wrongType, field), field));
        }
        if (e instanceof MismatchedInputException mismatched) {
            String field = path(mismatched);
            return Optional.of(field.isEmpty()
                    ? Problem.of(400, "Malformed JSON", "not a JSON object: " + mismatched.getOriginalMessage(), null)
                    : Problem.of(400, "Invalid field", wrongType(mismatched, field), field));
        }
        if (e instanceof JsonProcessingException malformed) {
            return Optional.of(Problem.of(400, "Malformed JSON", "not valid JSON: " + malformed.getOriginalMessage(), null));
        }
        return Optional.empty();
    }

    // One mapper per type, not one for the supertype: the framework has mappers of its own for some of these, and
    // the most specific mapper wins.
    @ServerExceptionMapper
    public Response invalid(InvalidSubmissionException e) {
        return problemOf(e).map(Problem::response).orElseThrow();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return problemOf(e).map(Problem::response).orElseThrow();
    }

    @ServerExceptionMapper
    public Response wrongType(InvalidFormatException e) {
        return problemOf(e).map(Problem::response).orElseThrow();
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return problemOf(e).map(Problem::response).orElseThrow();
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return problemOf(e).map(Problem::response).orElseThrow();
    }

    /** The framework's own client errors (a body that could not be read, say), with the cause named when there is one. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return e.getResponse();
        }
        return problemOf(e.getCause()).map(Problem::response)
                .orElseGet(() -> Problem.response(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage(), null));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.response(404, "Not found", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return Problem.response(405, "Method not allowed", e.getMessage(), null);
    }

    /** Every field of our payloads is text, and Jackson's own message names its configuration, not the mistake. */
    private static String wrongType(MismatchedInputException e, String field) {
        return e.getTargetType() == String.class ? "field '" + field + "' must be a string"
                : "field '" + field + "' has the wrong type: " + e.getOriginalMessage();
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
