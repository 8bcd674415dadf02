package org.dossier.gateway.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** article-service's internal batch API. Wrapped by {@link ArticleClient}, which adds fault tolerance. */
@RegisterRestClient(configKey = "article-service")
@Path("/internal/articles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ArticleServiceApi {

    @POST
    @Path("lookup")
    List<ArticleRecord> lookup(Collection<UUID> ids);
}
