package org.dossier.timeline.rest;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dossier.timeline.api.EntityTimelinePage;
import org.dossier.timeline.api.TimelineEventView;
import org.dossier.timeline.repository.Cursors;
import org.dossier.timeline.repository.EntityTimelineRepository;
import org.dossier.timeline.repository.TimelineRepository;

/** Batch reads of the timeline for the gateway. */
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InternalTimelineResource {

    static final int MAX_PAGE = 500;

    private final TimelineRepository timeline;
    private final EntityTimelineRepository entityTimelines;

    InternalTimelineResource(TimelineRepository timeline, EntityTimelineRepository entityTimelines) {
        this.timeline = timeline;
        this.entityTimelines = entityTimelines;
    }

    /** Events in date order, by date range, by entity (participant or place) and by control. */
    @GET
    @Path("timeline")
    @Transactional
    public TimelineRepository.Page timeline(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                            @QueryParam("entity") UUID entity, @QueryParam("control") UUID control,
                                            @QueryParam("first") @DefaultValue("50") int first, @QueryParam("after") String after) {
        if (first < 0 || first > MAX_PAGE) {
            throw new BadRequestException("first: must be between 0 and " + MAX_PAGE + ", was " + first);
        }
        return timeline.page(from, to, entity, control, first, after);
    }

    /**
     * The same page of several entities' timelines: the events each took part in and the statements it made, in date
     * order. Keyed by entity id, in the order asked.
     */
    @POST
    @Path("entities/timeline")
    @Transactional
    public Map<UUID, EntityTimelinePage> entityTimelines(EntityTimelinePage.Request request) {
        if (request == null || request.entityIds() == null) {
            throw new BadRequestException("entityIds: required");
        }
        int first = request.first() == null ? 50 : request.first();
        if (first < 0 || first > MAX_PAGE) {
            throw new BadRequestException("first: must be between 0 and " + MAX_PAGE + ", was " + first);
        }
        Map<UUID, EntityTimelinePage> pages = new java.util.LinkedHashMap<>();
        request.entityIds().forEach(id -> pages.put(id, entityTimelines.page(id, first, request.after())));
        return pages;
    }

    @POST
    @Path("events/lookup")
    @Transactional
    public List<TimelineEventView> events(List<UUID> ids) {
        return timeline.events(ids == null ? List.of() : ids);
    }

    @POST
    @Path("articles/events")
    @Transactional
    public Map<UUID, List<TimelineEventView>> eventsOfArticles(List<UUID> articleIds) {
        return timeline.eventsOfArticles(articleIds == null ? List.of() : articleIds);
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
