package org.dossier.gateway.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Global, opaque, stable ids: base64url of {@code Type:uuid}. Clients must not parse them; the gateway uses the type
 * to route {@code node(id:)} to the service that owns the object.
 */
public record GlobalId(String type, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((type + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static String of(String type, UUID id) {
        return new GlobalId(type, id).encode();
    }

    /** Decodes an id or fails with a message that says what is wrong with it. */
    public static GlobalId decode(String globalId) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(globalId), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidIdException(globalId);
        }
        int colon = raw.indexOf(':');
        if (colon <= 0) {
            throw new InvalidIdException(globalId);
        }
        try {
            return new GlobalId(raw.substring(0, colon), UUID.fromString(raw.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new InvalidIdException(globalId);
        }
    }

    /** Decodes an id that must be of one type. */
    public static UUID decode(String globalId, String expectedType) {
        GlobalId decoded = decode(globalId);
        if (!decoded.type().equals(expectedType)) {
            throw new InvalidIdException(globalId + " is the id of a " + decoded.type() + ", not of a " + expectedType);
        }
        return decoded.id();
    }
}
