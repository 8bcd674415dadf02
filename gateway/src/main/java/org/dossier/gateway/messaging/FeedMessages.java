package org.dossier.gateway.messaging;

import java.util.Optional;
import org.dossier.events.CloudEvent;
import org.dossier.events.EventCodec;
import org.dossier.events.EventType;
import org.dossier.events.MalformedEventException;
import org.jboss.logging.Logger;

/** Reading the live feeds: the one event type a feed wants, everything else (other types, junk) passed over. */
final class FeedMessages {

    private static final Logger LOG = Logger.getLogger(FeedMessages.class);
    private static final EventCodec CODEC = new EventCodec();

    private FeedMessages() {
    }

    static <T> Optional<T> payload(String message, EventType<T> wanted) {
        CloudEvent event;
        try {
            event = CODEC.read(message);
        } catch (MalformedEventException e) {
            // The services that own the topic dead-letter it; a live feed only passes it over.
            LOG.debugf("skipping a message that is not an event: %s", e.getMessage());
            return Optional.empty();
        }
        return wanted.name().equals(event.type()) ? Optional.of(CODEC.payload(event, wanted)) : Optional.empty();
    }
}
