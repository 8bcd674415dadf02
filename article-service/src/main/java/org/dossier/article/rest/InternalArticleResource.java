package org.dossier.article.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.dossier.article.service.ArticleService;

/** Batch reads for the gateway: one call answers a whole level of a GraphQL query. Not for partners. */
@Path("/internal/articles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InternalArticleResource {

    private final ArticleService service;

    InternalArticleResource(ArticleService service) {
        this.service = service;
    }

    /** The articles with these ids, in no particular order; ids that do not exist are left out. */
    @POST
    @Path("lookup")
    public List<ArticleView> lookup(List<UUID> ids) {
        return service.find(ids == null ? List.of() : ids).stream().map(ArticleView::of).toList();
    }
}
