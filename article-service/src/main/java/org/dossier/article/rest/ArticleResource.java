package org.dossier.article.rest;

import org.dossier.rest.Problem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.dossier.article.repository.ArticleSearchRepository;
import org.dossier.article.service.ArticleSearch;
import org.dossier.article.service.ArticleService;
import org.dossier.article.service.IsoDates;
import org.dossier.article.service.IngestResult;
import org.dossier.article.service.InvalidSubmissionException;
import org.dossier.article.service.SubmissionValidator;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Partners push articles here. Resources only translate HTTP; the service owns the rules and the transaction. */
@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    private final ArticleService service;
    private final ArticleSearch search;
    private final SubmissionValidator validator;

    ArticleResource(ArticleService service, ArticleSearch search, SubmissionValidator validator) {
        this.service = service;
        this.search = search;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit an article as JSON", description = "201 with the new id; 200 with the existing id for an exact duplicate")
    public Response submitJson(ArticleSubmission body, UriInfo uri) {
        if (body == null) {
            throw new InvalidSubmissionException("text", "the body is empty; expected a JSON object with a text field");
        }
        return answer(service.ingest(body.validatedBy(validator)), uri);
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Submit an article as plain UTF-8 text", description = "Metadata as query parameters")
    public Response submitText(byte[] body, @QueryParam("title") String title, @QueryParam("url") String url,
            @QueryParam("source") String source, @QueryParam("publishedAt") String publishedAt,
            @QueryParam("language") String language, UriInfo uri) {
        return answer(service.ingest(validator.validate(strictUtf8(body), title, url, source, publishedAt, language)), uri);
    }

    /** Any other content type: named in a problem, not left to the framework's bare 415. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response unsupported(@jakarta.ws.rs.HeaderParam("Content-Type") String contentType) {
        return Problem.response(415, "Unsupported content type", "content type " + (contentType == null ? "(none)" : contentType)
                + " is not accepted: send application/json or text/plain; charset=utf-8", null);
    }

    @GET
    @Operation(summary = "Search and list articles", description = "Full-text search over title and body when q is given "
            + "(ranked, with highlighted snippets), newest first otherwise; filters by outlet, language and date; cursor pages")
    public ArticlePageView search(@QueryParam("q") String q, @QueryParam("source") String source,
            @QueryParam("language") String language, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("first") @DefaultValue("20") int first, @QueryParam("after") String after) {
        var criteria = new ArticleSearchRepository.Criteria(q == null || q.isBlank() ? null : q.strip(), blankToNull(source),
                blankToNull(language), IsoDates.parse(from, "from"), IsoDates.parse(to, "to"));
        ArticleSearch.Page page = search.find(criteria, after, first);
        return new ArticlePageView(page.totalCount(), page.items().stream()
                .map(f -> new SearchHitView(ArticleView.of(f.article()), f.rank(), f.snippet(), f.cursor())).toList(),
                page.hasNextPage(), page.endCursor());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An article's metadata and processing status")
    public ArticleView get(@PathParam("id") UUID id) {
        return service.find(id).map(ArticleView::of).orElseThrow(() -> new NotFoundException("no article " + id));
    }

    private static Response answer(IngestResult result, UriInfo uri) {
        IngestResponse body = new IngestResponse(result.id(), result.duplicateOf());
        var location = uri.getBaseUriBuilder().path("api/articles").path(result.id().toString()).build();
        return (result.created() ? Response.created(location) : Response.ok().location(location)).entity(body).build();
    }

    private static String strictUtf8(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidSubmissionException("text", "text is missing: the body is empty");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidSubmissionException("text", "text is not valid UTF-8");
        }
    }
}
