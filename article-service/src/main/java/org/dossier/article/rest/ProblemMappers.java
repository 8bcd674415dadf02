package org.dossier.article.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.dossier.article.service.InvalidSubmissionException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every client error as application/problem+json that names what is wrong. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response invalid(InvalidSubmissionException e) {
        return Problem.response(e.status(), e.status() == 413 ? "Text too large" : "Invalid article", e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return Problem.response(400, "Unknown field", "unknown field '" + e.getPropertyName() + "'; accepted: "
                + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")), e.getPropertyName());
    }

    @ServerExceptionMapper
    public Response wrongType(InvalidFormatException e) {
        String field = path(e);
        return Problem.response(400, "Invalid field", "field '" + field + "' has the wrong type: " + e.getOriginalMessage(), field);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        String field = path(e);
        return Problem.response(400, "Malformed JSON", field.isEmpty() ? "the body is not a JSON object: " + e.getOriginalMessage()
                : "field '" + field + "' has the wrong type: " + e.getOriginalMessage(), field.isEmpty() ? null : field);
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return Problem.response(400, "Malformed JSON", "the body is not valid JSON: " + e.getOriginalMessage(), null);
    }

    /** The framework's own client errors (a body that could not be read, say), with the cause named when there is one. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return e.getResponse();
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return Problem.response(400, "Malformed JSON", "the body is not valid JSON: " + json.getOriginalMessage(), null);
        }
        return Problem.response(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.response(404, "Not found", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return Problem.response(405, "Method not allowed", e.getMessage(), null);
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
