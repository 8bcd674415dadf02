package org.dossier.entity.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.dossier.entity.service.AnalysisService;

/** Batch reads for the gateway. */
@Path("/internal/analyses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InternalAnalysisResource {

    public record AnalysisView(UUID articleId, OffsetDateTime analyzedAt, int mentionCount, int statementCount) {
    }

    private final AnalysisService analysis;

    InternalAnalysisResource(AnalysisService analysis) {
        this.analysis = analysis;
    }

    /** Analyses of these articles; articles not analysed yet are left out. */
    @POST
    @Path("lookup")
    public List<AnalysisView> lookup(List<UUID> articleIds) {
        return analysis.find(articleIds == null ? List.of() : articleIds).stream()
                .map(d -> new AnalysisView(d.articleId, d.analyzedAt, d.mentionCount, d.statementCount)).toList();
    }
}
