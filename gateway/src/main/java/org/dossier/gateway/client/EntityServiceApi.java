package org.dossier.gateway.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** entity-service's internal batch API. Wrapped by {@link EntityClient}, which adds fault tolerance. */
@RegisterRestClient(configKey = "entity-service")
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface EntityServiceApi {

    /** {@code fields}: the statement fields to send, null for all; {@code cursors}: each statement's cursor too. */
    record SpeakerStatementsRequest(Collection<UUID> speakerIds, UUID about, Integer first, List<String> fields,
                                    boolean cursors) {
    }

    record ControlStatementsRequest(Collection<UUID> controlIds, Integer first, List<String> fields, boolean cursors) {
    }

    @POST
    @Path("entities/lookup")
    CompletionStage<List<EntityRecord>> entities(Collection<UUID> ids);

    @GET
    @Path("entities")
    CompletionStage<PageRecord<EntityRecord>> entityPage(@QueryParam("kind") String kind, @QueryParam("search") String search,
                                        @QueryParam("first") int first, @QueryParam("after") String after);

    @GET
    @Path("officials")
    CompletionStage<PageRecord<EntityRecord>> officials(@QueryParam("country") UUID country, @QueryParam("search") String search,
                                       @QueryParam("first") int first, @QueryParam("after") String after);

    @POST
    @Path("articles/entities")
    CompletionStage<Map<UUID, List<EntityRecord>>> entitiesOfArticles(Collection<UUID> articleIds);

    @POST
    @Path("articles/statements")
    CompletionStage<Map<UUID, List<StatementRecord>>> statementsOfArticles(Collection<UUID> articleIds);

    @POST
    @Path("statements/lookup")
    CompletionStage<List<StatementRecord>> statements(Collection<UUID> ids);

    @GET
    @Path("statements")
    CompletionStage<PageRecord<StatementRecord>> statementPage(@QueryParam("about") UUID about, @QueryParam("speaker") UUID speaker,
                                              @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                              @QueryParam("first") int first, @QueryParam("after") String after,
                                              @QueryParam("fields") List<String> fields, @QueryParam("cursors") boolean cursors);

    @POST
    @Path("statements/by-speaker")
    CompletionStage<Map<UUID, PageRecord<StatementRecord>>> statementsBySpeaker(SpeakerStatementsRequest request);

    @POST
    @Path("statements/by-control")
    CompletionStage<Map<UUID, PageRecord<StatementRecord>>> statementsByControl(ControlStatementsRequest request);
}
