package org.dossier.timeline.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.dossier.timeline.service.TimelineService;

/** Batch reads for the gateway. */
@Path("/internal/placements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InternalPlacementResource {

    public record PlacementView(UUID articleId, OffsetDateTime timelinedAt, int eventCount) {
    }

    private final TimelineService timeline;

    InternalPlacementResource(TimelineService timeline) {
        this.timeline = timeline;
    }

    @POST
    @Path("lookup")
    public List<PlacementView> lookup(List<UUID> articleIds) {
        return timeline.find(articleIds == null ? List.of() : articleIds).stream()
                .map(p -> new PlacementView(p.articleId, p.timelinedAt, p.eventCount)).toList();
    }
}
