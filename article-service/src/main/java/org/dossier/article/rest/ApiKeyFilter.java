package org.dossier.article.rest;

import org.dossier.rest.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.dossier.article.config.IngestConfig;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Partners authenticate ingest with an API key ({@code X-Api-Key} or {@code Authorization: Bearer}). Keys come from
 * configuration, several at once for rotation, and are never logged. With no key configured, ingest is open.
 */
public class ApiKeyFilter {

    private final List<byte[]> keys;

    ApiKeyFilter(IngestConfig config) {
        this.keys = config.apiKeys().orElse(List.of()).stream().filter(k -> !k.isBlank())
                .map(k -> k.strip().getBytes(StandardCharsets.UTF_8)).toList();
    }

    @ServerRequestFilter
    public Optional<Response> requireKey(ContainerRequestContext request) {
        if (keys.isEmpty() || !"POST".equals(request.getMethod()) || !request.getUriInfo().getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        String presented = request.getHeaderString("X-Api-Key");
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (presented == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorization.substring(7).strip();
        }
        if (presented == null) {
            return Optional.of(Problem.response(401, "API key required", "send the key in X-Api-Key or as a bearer token", null));
        }
        byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
        // Compare with every key in constant time, so timing tells nothing about how close a guess was.
        boolean accepted = false;
        for (byte[] key : keys) {
            accepted |= MessageDigest.isEqual(key, candidate);
        }
        return accepted ? Optional.empty() : Optional.of(Problem.response(403, "API key not accepted", "the API key is not valid", null));
    }
}
