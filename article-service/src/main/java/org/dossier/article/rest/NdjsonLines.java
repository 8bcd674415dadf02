package org.dossier.article.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads NDJSON one line at a time, never holding more than one line: a 50 MB batch costs one article's memory. A line
 * longer than the limit is skipped to its end and reported; bytes that are not UTF-8 fail their line alone.
 */
final class NdjsonLines {

    /** One line: its number, and its text or why it has none. */
    record Line(int number, String text, int failedStatus, String failure) {
        boolean failed() {
            return failure != null;
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private int number;

    NdjsonLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line that is not blank, or null at the end of the stream. */
    Line next() throws IOException {
        while (true) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean tooLong = false;
            boolean ended = false;
            while (!ended) {
                if (position == limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (line.size() == 0 && !tooLong) {
                            return null;
                        }
                        break;
                    }
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                int length = position - start;
                if (!tooLong && line.size() + length <= maxBytes) {
                    line.write(buffer, start, length);
                } else {
                    tooLong = true;
                    line.reset();
                }
                if (position < limit) {
                    position++; // the newline
                    ended = true;
                }
            }
            number++;
            if (tooLong) {
                return new Line(number, null, 413, "line is longer than " + maxBytes + " bytes");
            }
            byte[] bytes = line.toByteArray();
            int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            try {
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, end)).toString();
                if (!text.isBlank()) {
                    return new Line(number, text, 0, null);
                }
            } catch (CharacterCodingException e) {
                return new Line(number, null, 400, "line is not valid UTF-8");
            }
        }
    }
}
