package org.dossier.gateway.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Global, opaque, stable ids: base64url of {@code Type:uuid}. Clients must not parse them; the gateway uses the type
 * to route {@code node(id:)} to the service that owns the object.
 */
public record GlobalId(String type, UUID id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    public String encode() {
        // The bytes of "type:uuid" written directly (an answer has thousands of ids): type names are ASCII, as GraphQL's are.
        int length = type.length();
        byte[] text = new byte[length + 37];
        for (int i = 0; i < length; i++) {
            char c = type.charAt(i);
            if (c >= 0x80) {
                return ENCODER.encodeToString((type + ":" + id).getBytes(StandardCharsets.UTF_8));
            }
            text[i] = (byte) c;
        }
        text[length] = ':';
        long most = id.getMostSignificantBits();
        long least = id.getLeastSignificantBits();
        int at = digits(most >>> 32, 8, text, length + 1);
        text[at++] = '-';
        at = digits(most >>> 16, 4, text, at);
        text[at++] = '-';
        at = digits(most, 4, text, at);
        text[at++] = '-';
        at = digits(least >>> 48, 4, text, at);
        text[at++] = '-';
        digits(least, 12, text, at);
        return new String(ENCODER.encode(text), StandardCharsets.ISO_8859_1);
    }

    /** The lowest {@code count} hex digits of the value, as {@link UUID#toString} writes them; the place after them. */
    private static int digits(long value, int count, byte[] into, int at) {
        for (int i = 0; i < count; i++) {
            into[at + i] = HEX[(int) (value >>> (4 * (count - 1 - i))) & 0xf];
        }
        return at + count;
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
