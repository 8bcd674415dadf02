package org.dossier.rest;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Failures of the database layer on every service's REST API. PostgreSQL down is 503 problem+json with
 * Retry-After, so a client knows to try again; any other such failure is a 500 problem+json with an id. Either is
 * logged here, once, with its cause (the framework's default would answer {@code {"details":"Error id …"}}).
 * <p>
 * Registered for each type the database layer throws (Hibernate's, the transaction's, the driver's, and the wrapper a
 * commit failure comes in), not one for every exception: the framework and the services map others of their own.
 */
public class DependencyProblemMappers {

    private static final Logger LOG = Logger.getLogger(DependencyProblemMappers.class);

    @ServerExceptionMapper({PersistenceException.class, QuarkusTransactionException.class, SQLException.class,
            ArcUndeclaredThrowableException.class})
    public Response databaseLayer(Throwable e, Request request, UriInfo uri) {
        String call = request.getMethod() + " /" + uri.getPath().replaceFirst("^/", "");
        return DependencyFailures.unavailable(e).map(dependency -> {
            LOG.warnf(e, "%s answered 503: %s is unavailable", call, dependency);
            return unavailable(dependency);
        }).orElseGet(() -> {
            String id = UUID.randomUUID().toString();
            LOG.errorf(e, "%s answered 500 (error id %s)", call, id);
            return Problem.response(500, "Internal Server Error", "the service failed; error id " + id, null);
        });
    }

    /** 503 naming the dependency, with the seconds after which to try again. */
    public static Response unavailable(String dependency) {
        return Response.status(503).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, Problem.RETRY_AFTER_SECONDS)
                .entity(Problem.unavailable(dependency)).build();
    }
}
