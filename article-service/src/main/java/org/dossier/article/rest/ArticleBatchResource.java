package org.dossier.article.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;
import org.dossier.article.config.IngestConfig;
import org.dossier.article.service.ArticleService;
import org.dossier.article.service.IngestResult;
import org.dossier.article.service.SubmissionValidator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * Bulk ingest: one JSON article per line in, one result per line out, in order, streamed both ways. A bad line fails
 * alone; every good line is stored (and committed) before its result is written.
 */
@Path("/api/articles/batch")
public class ArticleBatchResource {

    public static final String NDJSON = "application/x-ndjson";
    private static final Logger LOG = Logger.getLogger(ArticleBatchResource.class);

    /** One input line's outcome: 201 stored, 200 already there (id of the existing article), 4xx with a problem. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineResult(int line, int status, UUID id, UUID duplicateOf, Problem error) {
    }

    private final ArticleService service;
    private final SubmissionValidator validator;
    private final ObjectMapper json;
    private final int maxLineBytes;

    ArticleBatchResource(ArticleService service, SubmissionValidator validator, ObjectMapper json, IngestConfig config) {
        this.service = service;
        this.validator = validator;
        this.json = json;
        // A line holds the text JSON-escaped (up to six bytes for one) plus metadata.
        this.maxLineBytes = config.maxTextBytes() * 2 + 64 * 1024;
    }

    @POST
    @Consumes(NDJSON)
    @Produces(NDJSON)
    @Operation(summary = "Submit many articles, one JSON article per line", description = "Answers one result line per non-blank input line")
    public Response ingest(InputStream body) {
        StreamingOutput results = output -> {
            try (OutputStream out = new BufferedOutputStream(output)) {
                NdjsonLines lines = new NdjsonLines(body, maxLineBytes);
                for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
                    json.writeValue(new NonClosing(out), result(line));
                    out.write('\n');
                }
            }
        };
        return Response.ok(results, NDJSON).build();
    }

    private LineResult result(NdjsonLines.Line line) {
        if (line.failed()) {
            return new LineResult(line.number(), line.failedStatus(), null, null,
                    Problem.of(line.failedStatus(), line.failedStatus() == 413 ? "Line too large" : "Invalid line", line.failure(), null));
        }
        try {
            ArticleSubmission submission = json.readValue(line.text(), ArticleSubmission.class);
            IngestResult result = service.ingest(submission.validatedBy(validator));
            return new LineResult(line.number(), result.created() ? 201 : 200, result.id(), result.duplicateOf(), null);
        } catch (Exception e) {
            var problem = ProblemMappers.problemOf(e);
            if (problem.isEmpty()) {
                LOG.errorf(e, "batch line %d failed", line.number());
            }
            Problem p = problem.orElse(Problem.of(500, "Not stored", "the line could not be stored; it may be retried", null));
            return new LineResult(line.number(), p.status(), null, null, p);
        }
    }

    /** Jackson closes the stream it writes to; the batch's stream must stay open between lines. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
        }
    }
}
