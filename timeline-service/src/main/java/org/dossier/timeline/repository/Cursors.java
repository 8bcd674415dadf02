package org.dossier.timeline.repository;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

/** Opaque keyset cursors: a date, maybe more keys, and an id, base64url-encoded. */
public final class Cursors {

    private Cursors() {
    }

    static String encode(Object... keys) {
        StringBuilder text = new StringBuilder();
        for (Object key : keys) {
            text.append(text.isEmpty() ? "" : "\n").append(key);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The keys of a cursor of {@code size} keys, the first a date and the last an id; null for no cursor. */
    static String[] decode(String cursor, int size) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] keys = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n");
            if (keys.length != size) {
                throw new IllegalArgumentException("keys");
            }
            LocalDate.parse(keys[0]);
            UUID.fromString(keys[size - 1]);
            return keys;
        } catch (RuntimeException e) {
            throw new InvalidCursorException(cursor);
        }
    }

    /** An 'after' value this service did not hand out. */
    public static final class InvalidCursorException extends IllegalArgumentException {
        public InvalidCursorException(String cursor) {
            super("after: not a cursor from this API: " + cursor);
        }
    }
}
