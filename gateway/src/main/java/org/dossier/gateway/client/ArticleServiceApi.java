package org.dossier.gateway.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** article-service's internal batch API. Wrapped by {@link ArticleClient}, which adds fault tolerance. */
@RegisterRestClient(configKey = "article-service")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ArticleServiceApi {

    @POST
    @Path("internal/articles/lookup")
    CompletionStage<List<ArticleRecord>> lookup(Collection<UUID> ids);

    @jakarta.ws.rs.GET
    @Path("api/articles")
    CompletionStage<ArticlePageRecord> search(@jakarta.ws.rs.QueryParam("q") String q, @jakarta.ws.rs.QueryParam("source") String source,
                             @jakarta.ws.rs.QueryParam("from") String from, @jakarta.ws.rs.QueryParam("to") String to,
                             @jakarta.ws.rs.QueryParam("first") int first, @jakarta.ws.rs.QueryParam("after") String after);
}
