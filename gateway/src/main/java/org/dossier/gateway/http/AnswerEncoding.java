package org.dossier.gateway.http;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The encodings a whole answer is sent in: its JSON as written, and gzip for clients that accept it.
 * <p>
 * A flagship answer is 0.8 MB of JSON and about 75 KB gzipped (level 1, 2 ms on the development machine). Browsers and
 * most HTTP libraries accept gzip; over a network the eleventh part arrives ten times sooner. A stored answer is
 * compressed once, when it is stored, not each time it is served.
 */
public final class AnswerEncoding {

    /** An answer's bytes: its JSON, and the same gzipped, or null when not compressed (small, or not worth it). */
    public record EncodedAnswer(Buffer json, Buffer gzip) {

        /** Bytes held, as a cache of answers counts them. */
        public int length() {
            return json.length() + (gzip == null ? 0 : gzip.length());
        }

        /** The same answer held off the heap (see {@link AnswerCache#find}). */
        EncodedAnswer offHeap() {
            return new EncodedAnswer(AnswerEncoding.offHeap(json), gzip == null ? null : AnswerEncoding.offHeap(gzip));
        }

        boolean onHeap() {
            return !json.getByteBuf().isDirect();
        }
    }

    private final boolean enabled;
    private final int minimumSize;
    private final int level;

    /**
     * @param enabled     off: answers are sent as written, whatever the client accepts
     * @param minimumSize answers shorter than this many bytes are not compressed (gzip's header and the client's work
     *                    cost more than a few hundred bytes save)
     * @param level       deflate level, 1 (fastest) to 9 (smallest)
     */
    public AnswerEncoding(boolean enabled, int minimumSize, int level) {
        if (level < 1 || level > 9) {
            throw new IllegalArgumentException("gzip level must be 1 to 9, was " + level);
        }
        this.enabled = enabled;
        this.minimumSize = minimumSize;
        this.level = level;
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * The answer in the form it is served in, gzipped too if {@code compress} and the answer is long enough and comes
     * out shorter. On the heap, as written: Netty copies it into its pooled direct memory to write it. Making a JDK
     * direct buffer of each one instead cost more than that copy: 0.8 MB of fresh native memory per flagship answer,
     * zeroed and faulted in page by page, and freed only by the next collection (8% of the gateway's CPU samples on
     * computed answers). An answer asked again is moved off the heap by {@link AnswerCache#find}, once.
     */
    public EncodedAnswer encode(byte[] json, boolean compress) {
        Buffer gzip = null;
        if (compress && enabled && json.length >= minimumSize) {
            byte[] compressed = gzip(json, level);
            gzip = compressed.length < json.length ? Buffer.buffer(Unpooled.wrappedBuffer(compressed)) : null;
        }
        return new EncodedAnswer(Buffer.buffer(Unpooled.wrappedBuffer(json)), gzip);
    }

    /** The gzip bytes of this text at this deflate level. */
    static byte[] gzip(byte[] bytes, int level) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 8));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024) {
            {
                def.setLevel(level);
            }
        }) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * Whether an {@code Accept-Encoding} header (RFC 9110, section 12.5.3) accepts gzip: named as {@code gzip} or
     * {@code x-gzip}, or covered by {@code *}, with a weight above zero. No header means no preference, which a server
     * may answer in any encoding; the gateway answers it as written, as clients that send none (load tools, scripts)
     * expect.
     */
    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Double gzip = null;
        Double any = null;
        for (String element : acceptEncoding.split(",")) {
            String[] parts = element.split(";");
            String coding = parts[0].trim().toLowerCase(Locale.ROOT);
            double weight = weight(parts);
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = gzip == null ? weight : Math.max(gzip, weight);
            } else if (coding.equals("*")) {
                any = weight;
            }
        }
        Double chosen = gzip != null ? gzip : any; // a coding named outweighs the wildcard, either way
        return chosen != null && chosen > 0;
    }

    /** The {@code q} parameter of one element, 1 if none; 0 if it is not a number (an element that says nothing). */
    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.length() > 1 && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q')
                    && parameter.substring(1).trim().startsWith("=")) {
                try {
                    return Double.parseDouble(parameter.substring(parameter.indexOf('=') + 1).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /**
     * A buffer off the heap, so that each time it is served it is written to the socket as it is rather than copied
     * there first. A JDK buffer, freed by the collector once nothing holds it: a Netty-allocated one would have to be
     * released by hand, and could be while a write still reads it.
     */
    static Buffer offHeap(Buffer bytes) {
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length()).put(bytes.getByteBuf().nioBuffer()).flip();
        return Buffer.buffer(Unpooled.wrappedBuffer(direct));
    }
}
