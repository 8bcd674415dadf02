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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dossier.article.config.IngestConfig;
import org.dossier.article.service.ArticleService;
import org.dossier.article.service.IngestResult;
import org.dossier.article.service.NewArticle;
import org.dossier.article.service.SubmissionValidator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * Bulk ingest: one JSON article per line in, one result per line out, in order, streamed both ways. Lines are committed
 * in chunks (one transaction per chunk is what makes bulk ingest fast); a bad line fails alone, and every good line
 * is committed before its result is written.
 */
@Path("/api/articles/batch")
public class ArticleBatchResource {

    public static final String NDJSON = "application/x-ndjson";
    /** Lines committed in one transaction, and the most text a chunk holds in memory. */
    static final int CHUNK_LINES = 100;
    static final long CHUNK_CHARS = 4L * 1024 * 1024;
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
                List<NdjsonLines.Line> chunk = new ArrayList<>();
                long chunkBytes = 0;
                for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
                    chunk.add(line);
                    chunkBytes += line.failed() ? 0 : line.text().length();
                    if (chunk.size() == CHUNK_LINES || chunkBytes >= CHUNK_CHARS) {
                        write(out, results(chunk));
                        chunk.clear();
                        chunkBytes = 0;
                    }
                }
                write(out, results(chunk));
            }
        };
        return Response.ok(results, NDJSON).build();
    }

    private void write(OutputStream out, List<LineResult> results) throws java.io.IOException {
        for (LineResult result : results) {
            json.writeValue(new NonClosing(out), result);
            out.write('\n');
        }
        out.flush();
    }

    /** A chunk's results in line order: lines that fail to parse or validate fail alone; the rest commit together. */
    private List<LineResult> results(List<NdjsonLines.Line> chunk) {
        LineResult[] results = new LineResult[chunk.size()];
        List<Integer> valid = new ArrayList<>();
        List<NewArticle> articles = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            NdjsonLines.Line line = chunk.get(i);
            if (line.failed()) {
                results[i] = failure(line.number(), Problem.of(line.failedStatus(),
                        line.failedStatus() == 413 ? "Line too large" : "Invalid line", line.failure(), null));
                continue;
            }
            try {
                articles.add(json.readValue(line.text(), ArticleSubmission.class).validatedBy(validator));
                valid.add(i);
            } catch (Exception e) {
                results[i] = failure(line.number(), problem(line.number(), e));
            }
        }
        try {
            List<IngestResult> stored = service.ingestAll(articles);
            for (int k = 0; k < stored.size(); k++) {
                IngestResult r = stored.get(k);
                int i = valid.get(k);
                results[i] = new LineResult(chunk.get(i).number(), r.created() ? 201 : 200, r.id(), r.duplicateOf(), null);
            }
        } catch (RuntimeException e) {
            for (int i : valid) {
                results[i] = failure(chunk.get(i).number(), problem(chunk.get(i).number(), e));
            }
        }
        return List.of(results);
    }

    private static LineResult failure(int line, Problem problem) {
        return new LineResult(line, problem.status(), null, null, problem);
    }

    private static Problem problem(int line, Exception e) {
        var problem = ProblemMappers.problemOf(e);
        if (problem.isEmpty()) {
            LOG.errorf(e, "batch line %d failed", line);
        }
        return problem.orElse(Problem.of(500, "Not stored", "the line could not be stored; it may be retried", null));
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
