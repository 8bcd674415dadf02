package org.dossier.entity.repository;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque keyset cursors: the sort key of the last row, base64url-encoded. */
public final class Cursors {

    private Cursors() {
    }

    static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor, null for none; a cursor that is not one of ours is a bad request. */
    static String[] decode(String cursor, int parts) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] out = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
            if (out.length != parts) {
                throw new IllegalArgumentException();
            }
            return out;
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException(cursor);
        }
    }

    /** Raised for an 'after' value this service did not hand out. */
    public static final class InvalidCursorException extends IllegalArgumentException {
        public InvalidCursorException(String cursor) {
            super("after: not a cursor from this API: " + cursor);
        }
    }
}
