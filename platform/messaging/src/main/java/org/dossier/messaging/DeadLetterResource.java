package org.dossier.messaging;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * {@code POST /internal/dead-letters/{topic}/replay}: the one command that sends a topic's dead letters back to it
 * ({@link DeadLetterReplay}); any service of the stack can run it, for any topic. Internal, like the other
 * {@code /internal} paths: not routed by the gateway.
 */
@Path("/internal/dead-letters")
public class DeadLetterResource {

    private final DeadLetterReplay replay;

    DeadLetterResource(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @POST
    @Path("{topic}/replay")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> replay(@PathParam("topic") String topic) {
        if (!topic.matches("[a-z0-9._-]+") || topic.endsWith(".dlq")) {
            throw new jakarta.ws.rs.BadRequestException("not a topic name: " + topic);
        }
        return Map.of("topic", topic, "replayed", replay.replay(topic));
    }
}
