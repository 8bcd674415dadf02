package org.dossier.article.rest;

import org.dossier.rest.DependencyFailures;
import org.dossier.rest.Problem;
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
import java.util.concurrent.CompletableFuture;
import org.dossier.article.config.IngestConfig;
import org.dossier.article.service.ArticleService;
import org.dossier.article.service.IngestResult;
import org.dossier.article.service.NewArticle;
import org.dossier.article.service.SubmissionValidator;
import org.eclipse.microprofile.context.ManagedExecutor;
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
    private final ManagedExecutor executor;

    ArticleBatchResource(ArticleService service, SubmissionValidator validator, ObjectMapper json, IngestConfig config,
            ManagedExecutor executor) {
        this.service = service;
        this.executor = executor;
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
                // One chunk is stored while the next is read and prepared: the database and the CPU work overlap,
                // results still go out in line order, and at most two chunks are held.
                CompletableFuture<List<LineResult>> stored = CompletableFuture.completedFuture(List.of());
                List<NdjsonLines.Line> chunk = new ArrayList<>();
                long chunkBytes = 0;
                for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
                    chunk.add(line);
                    chunkBytes += line.failed() ? 0 : line.text().length();
                    if (chunk.size() == CHUNK_LINES || chunkBytes >= CHUNK_CHARS) {
                        StagedChunk staged = new StagedChunk(chunk);
                        write(out, join(stored));
                        stored = CompletableFuture.supplyAsync(staged::results, executor);
                        chunk = new ArrayList<>();
                        chunkBytes = 0;
                    }
                }
                StagedChunk last = new StagedChunk(chunk);
                write(out, join(stored));
                write(out, last.results());
            }
        };
        return Response.ok(results, NDJSON).build();
    }

    private static List<LineResult> join(CompletableFuture<List<LineResult>> stored) {
        try {
            return stored.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void write(OutputStream out, List<LineResult> results) throws java.io.IOException {
        for (LineResult result : results) {
            json.writeValue(new NonClosing(out), result);
            out.write('\n');
        }
        out.flush();
    }

    /** A chunk read, validated and prepared; {@link #results()} stores it. */
    private final class StagedChunk {
        private final List<NdjsonLines.Line> chunk;
        private final LineResult[] results;
        private final List<Integer> valid = new ArrayList<>();
        private final ArticleService.PreparedBatch prepared;

        /** Lines that fail to parse or validate fail alone here; the rest are prepared to be stored together. */
        StagedChunk(List<NdjsonLines.Line> chunk) {
            this.chunk = chunk;
            this.results = new LineResult[chunk.size()];
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
            this.prepared = service.prepare(articles);
        }

        /** Stores the chunk; the results in line order. */
        List<LineResult> results() {
            List<ArticleService.Outcome> outcomes = service.storeBulk(prepared);
            for (int k = 0; k < outcomes.size(); k++) {
                int i = valid.get(k);
                int number = chunk.get(i).number();
                IngestResult r = outcomes.get(k).result();
                results[i] = r != null ? new LineResult(number, r.created() ? 201 : 200, r.id(), r.duplicateOf(), null)
                        : failure(number, problem(number, outcomes.get(k).failure()));
            }
            return List.of(results);
        }
    }

    private static LineResult failure(int line, Problem problem) {
        return new LineResult(line, problem.status(), null, null, problem);
    }

    private static Problem problem(int line, Exception e) {
        var problem = ProblemMappers.problemOf(e);
        if (problem.isPresent()) {
            return problem.get();
        }
        var dependency = DependencyFailures.unavailable(e);
        if (dependency.isPresent()) {
            LOG.warnf(e, "batch line %d not stored: %s is unavailable", line, dependency.get());
            return Problem.unavailable(dependency.get());
        }
        LOG.errorf(e, "batch line %d failed", line);
        return Problem.of(500, "Not stored", "the line could not be stored; it may be retried", null);
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
