package org.dossier.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Writes and reads CloudEvents envelopes and their payloads. One JSON decoding per message. */
public final class EventCodec {

    private final ObjectMapper json;

    public EventCodec() {
        this(new ObjectMapper());
    }

    /** Uses a copy of the given mapper configured for the wire format (ISO-8601 times, tolerant of new fields). */
    public EventCodec(ObjectMapper base) {
        this.json = base.copy()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // Payloads only ever gain optional fields: an older consumer must accept a newer producer's event.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Wraps a payload in a new envelope with a fresh id, the current time and the aggregate id as subject. */
    public <T> CloudEvent envelope(EventType<T> type, String source, String subject, T payload) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type.name(),
                OffsetDateTime.now(ZoneOffset.UTC), subject, CloudEvent.JSON, json.valueToTree(payload));
    }

    public String write(CloudEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise event " + event.id(), e);
        }
    }

    /** Parses an envelope; the reason names what is wrong, since it ends up in a dead-letter header. */
    public CloudEvent read(String message) {
        if (message == null || message.isBlank()) {
            throw new MalformedEventException("empty message");
        }
        try {
            CloudEvent event = json.readValue(message, CloudEvent.class);
            if (event == null) {
                throw new MalformedEventException("message is JSON null");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not a CloudEvents JSON envelope: " + e.getOriginalMessage());
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new MalformedEventException("invalid CloudEvents envelope: " + e.getMessage());
        }
    }

    public <T> T payload(CloudEvent event, EventType<T> type) {
        if (!type.name().equals(event.type())) {
            throw new MalformedEventException("expected " + type.name() + " but got " + event.type());
        }
        if (event.data() == null || event.data().isNull()) {
            throw new MalformedEventException(event.type() + " " + event.id() + " has no data");
        }
        try {
            return json.treeToValue(event.data(), type.payloadClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("invalid " + type.name() + " payload: " + e.getMessage());
        }
    }

    public ObjectMapper mapper() {
        return json;
    }
}
