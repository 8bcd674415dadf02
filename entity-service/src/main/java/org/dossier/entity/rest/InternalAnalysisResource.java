package org.dossier.entity.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
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
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dossier.entity.api.EntityView;
import org.dossier.entity.api.MergeView;
import org.dossier.entity.api.StatementView;
import org.dossier.entity.repository.AnalysisRepository;
import org.dossier.entity.repository.Cursors;
import org.dossier.entity.service.AnalysisService;

/** Batch reads for the gateway: every call takes all the parents of one GraphQL level at once. */
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InternalAnalysisResource {

    static final int MAX_PAGE = 500;

    public record AnalysisView(UUID articleId, OffsetDateTime analyzedAt, int tokenCount, int mentionCount,
                               int statementCount, String note) {
    }

    public record ReanalyzeRequest(List<UUID> articleIds) {
    }

    /**
     * {@code fields}: the statement fields to send (null: all); {@code cursors}: whether each statement's cursor is sent
     * (null: yes). A page's end cursor and counts are always sent.
     */
    public record SpeakerStatementsRequest(List<UUID> speakerIds, UUID about, Integer first, List<String> fields,
                                           Boolean cursors) {
    }

    /** {@code fields} and {@code cursors} as in {@link SpeakerStatementsRequest}. */
    public record ControlStatementsRequest(List<UUID> controlIds, Integer first, List<String> fields, Boolean cursors) {
    }

    private final AnalysisService analysis;
    private final AnalysisRepository repository;
    private final StatementFields statementFields;

    InternalAnalysisResource(AnalysisService analysis, AnalysisRepository repository, ObjectMapper mapper) {
        this.analysis = analysis;
        this.repository = repository;
        this.statementFields = new StatementFields(mapper);
    }

    /** Analyses of these articles; articles not analysed yet are left out. */
    @POST
    @Path("analyses/lookup")
    public List<AnalysisView> lookup(List<UUID> articleIds) {
        return analysis.find(articleIds == null ? List.of() : articleIds).stream()
                .map(d -> new AnalysisView(d.articleId, d.analyzedAt, d.tokenCount, d.mentionCount, d.statementCount, d.note))
                .toList();
    }

    @POST
    @Path("entities/lookup")
    @Transactional
    public List<EntityView> entities(List<UUID> ids) {
        return repository.entities(ids == null ? List.of() : ids);
    }

    @GET
    @Path("entities")
    @Transactional
    public AnalysisRepository.Page<EntityView> entityPage(@QueryParam("kind") String kind, @QueryParam("search") String search,
                                                          @QueryParam("first") @DefaultValue("50") int first,
                                                          @QueryParam("after") String after) {
        return repository.entityPage(kind(kind), search, false, null, pageSize(first), after);
    }

    /** People who hold or held a post, or who made statements. */
    @GET
    @Path("officials")
    @Transactional
    public AnalysisRepository.Page<EntityView> officials(@QueryParam("country") UUID country, @QueryParam("search") String search,
                                                         @QueryParam("first") @DefaultValue("50") int first,
                                                         @QueryParam("after") String after) {
        return repository.entityPage(null, search, true, country, pageSize(first), after);
    }

    @POST
    @Path("articles/entities")
    @Transactional
    public Map<UUID, List<EntityView>> entitiesOfArticles(List<UUID> articleIds) {
        return repository.entitiesOfArticles(articleIds == null ? List.of() : articleIds);
    }

    @POST
    @Path("articles/statements")
    @Transactional
    public Map<UUID, List<StatementView>> statementsOfArticles(List<UUID> articleIds) {
        return repository.statementsOfArticles(articleIds == null ? List.of() : articleIds);
    }

    @POST
    @Path("statements/lookup")
    @Transactional
    public List<StatementView> statementsById(List<UUID> ids) {
        return repository.statements(ids == null ? List.of() : ids);
    }

    @GET
    @Path("statements")
    @Transactional
    public Response statements(@QueryParam("about") UUID about, @QueryParam("speaker") UUID speaker,
                               @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                               @QueryParam("first") @DefaultValue("50") int first, @QueryParam("after") String after,
                               @QueryParam("fields") List<String> fields, @QueryParam("cursors") Boolean cursors) {
        // no fields parameter arrives as an empty list: all fields
        Set<String> wanted = StatementFields.wanted(fields == null || fields.isEmpty() ? null : fields);
        return pages(repository.statementPage(about, speaker == null ? null : List.of(speaker), from, to, pageSize(first),
                after), wanted, cursors);
    }

    /** The first page of statements of each speaker, for a list of officials in one call. */
    @POST
    @Path("statements/by-speaker")
    @Transactional
    public Response bySpeaker(SpeakerStatementsRequest request) {
        if (request == null || request.speakerIds() == null) {
            throw new BadRequestException("speakerIds: required");
        }
        Set<String> fields = StatementFields.wanted(request.fields());
        int first = pageSize(request.first() == null ? 50 : request.first());
        Map<UUID, AnalysisRepository.Page<StatementView>> out = new java.util.LinkedHashMap<>();
        for (UUID speaker : request.speakerIds()) {
            out.put(speaker, repository.statementPage(request.about(), List.of(speaker), null, null, first, null));
        }
        return pages(out, fields, request.cursors());
    }

    /**
     * Pages (one, or a map of them) as asked: whole, or with only some statement fields, or without a cursor per
     * statement.
     */
    private Response pages(Object pages, Set<String> fields, Boolean cursors) {
        if (fields == null && (cursors == null || cursors)) {
            return Response.ok(pages).build();
        }
        return Response.ok(statementFields.write(pages, fields == null ? StatementFields.ALL : fields,
                cursors == null || cursors), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The first page of statements about each control, for a list of controls in one call. */
    @POST
    @Path("statements/by-control")
    @Transactional
    public Response byControl(ControlStatementsRequest request) {
        if (request == null || request.controlIds() == null) {
            throw new BadRequestException("controlIds: required");
        }
        Set<String> fields = StatementFields.wanted(request.fields());
        int first = pageSize(request.first() == null ? 50 : request.first());
        Map<UUID, AnalysisRepository.Page<StatementView>> out = new java.util.LinkedHashMap<>();
        for (UUID control : request.controlIds()) {
            out.put(control, repository.statementPage(control, null, null, null, first, null));
        }
        return pages(out, fields, request.cursors());
    }

    @GET
    @Path("merges")
    @Transactional
    public List<MergeView> merges(@QueryParam("entity") UUID entity) {
        return repository.merges(entity);
    }

    /** Undoes a recorded merge: the name becomes its own person, in that article and in later analyses. */
    @POST
    @Path("merges/{id}/undo")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    public Map<String, UUID> undo(@PathParam("id") long id) {
        UUID separate = repository.undoMerge(id);
        if (separate == null) {
            throw new NotFoundException("merge " + id + ": no such merge, or undone already");
        }
        return Map.of("entityId", separate);
    }

    /** Re-runs the analysis of the given articles, or of all when none are given; idempotent. */
    @POST
    @Path("analysis/reanalyze")
    public Map<String, Integer> reanalyze(ReanalyzeRequest request) {
        return Map.of("reanalyzed", analysis.reanalyze(request == null ? null : request.articleIds()));
    }

    private static int pageSize(int first) {
        if (first < 0 || first > MAX_PAGE) {
            throw new BadRequestException("first: must be between 0 and " + MAX_PAGE + ", was " + first);
        }
        return first;
    }

    private static String kind(String kind) {
        if (kind == null) {
            return null;
        }
        if (!List.of("PERSON", "ORGANIZATION", "COUNTRY", "PLACE", "CONTROL", "COMMODITY").contains(kind)) {
            throw new BadRequestException("kind: one of PERSON, ORGANIZATION, COUNTRY, PLACE, CONTROL, COMMODITY, was " + kind);
        }
        return kind;
    }

    /** A request this API cannot take: 400 with what is wrong in the body (JAX-RS would send the status alone). */
    @Provider
    public static class BadRequestMapper implements ExceptionMapper<BadRequestException> {
        @Override
        public Response toResponse(BadRequestException e) {
            return Response.status(400).type(MediaType.TEXT_PLAIN).entity(e.getMessage()).build();
        }
    }

    /** A cursor this API did not hand out is the caller's mistake. */
    @Provider
    public static class InvalidCursorMapper implements ExceptionMapper<Cursors.InvalidCursorException> {
        @Override
        public Response toResponse(Cursors.InvalidCursorException e) {
            return Response.status(400).type(MediaType.TEXT_PLAIN).entity(e.getMessage()).build();
        }
    }
}
