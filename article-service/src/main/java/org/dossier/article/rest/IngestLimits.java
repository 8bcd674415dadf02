package org.dossier.article.rest;

import org.dossier.rest.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.dossier.article.config.IngestConfig;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The HTTP body limit is large for NDJSON batches, which are streamed; a single article is read whole, so a single POST
 * larger than any valid article is refused with 413 before its body is read.
 */
public class IngestLimits {

    private final long maxSingleBody;

    IngestLimits(IngestConfig config) {
        // The text may be JSON-escaped (up to six bytes for one character byte) plus metadata.
        this.maxSingleBody = (long) config.maxTextBytes() * 6 + 64 * 1024;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limitSingleArticle(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        if (!"POST".equals(request.getMethod()) || length == null || !request.getUriInfo().getPath().equals("/api/articles")) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(length.strip()) > maxSingleBody) {
                return Optional.of(Problem.response(413, "Body too large", "a single article's body is limited to " + maxSingleBody
                        + " bytes; send larger volumes as NDJSON to /api/articles/batch", "text"));
            }
        } catch (NumberFormatException e) {
            return Optional.of(Problem.response(400, "Invalid Content-Length", "Content-Length is not a number", null));
        }
        return Optional.empty();
    }
}
