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

/** timeline-service's internal batch API. Wrapped by {@link TimelineClient}, which adds fault tolerance. */
@RegisterRestClient(configKey = "timeline-service")
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface TimelineServiceApi {

    @GET
    @Path("timeline")
    CompletionStage<PageRecord<TimelineEventRecord>> timeline(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                             @QueryParam("entity") UUID entity, @QueryParam("control") UUID control,
                                             @QueryParam("first") int first, @QueryParam("after") String after);

    @POST
    @Path("articles/events")
    CompletionStage<Map<UUID, List<TimelineEventRecord>>> eventsOfArticles(Collection<UUID> articleIds);

    @POST
    @Path("events/lookup")
    CompletionStage<List<TimelineEventRecord>> events(Collection<UUID> ids);

    @POST
    @Path("entities/timeline")
    CompletionStage<Map<UUID, PageRecord<EntityTimelineEntryRecord>>> entityTimelines(EntityTimelineEntryRecord.Request request);
}
