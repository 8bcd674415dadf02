package org.dossier.gateway.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whole GraphQL answers, by request, valid until the data they were computed from may have changed.
 * <p>
 * Every change the services make is announced on Kafka, and each announcement moves the cache to a new
 * <em>generation</em>. An answer is stored with the generation that was current when its request <em>started</em>
 * and is served only while that generation is still current: an answer whose request read the services while a change
 * was being announced is never served, even if it is stored after the announcement. Entries also expire after a
 * maximum age, for the changes nothing announces (see the gateway's README), and the cache holds at most a given
 * number of bytes, least recently used first out.
 */
public final class AnswerCache {

    /**
     * A stored answer: its JSON and the generation of the data it was computed from. The JSON moves off the heap when
     * the answer is asked again; the same entry keeps it, so its age is not reset.
     */
    private static final class Entry {
        final long generation;
        volatile Buffer json;

        Entry(long generation, Buffer json) {
            this.generation = generation;
            this.json = json;
        }
    }

    private final Cache<String, Entry> entries;
    private final AtomicLong generation = new AtomicLong();

    public AnswerCache(long maxBytes, Duration maxAge, Ticker ticker) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                // the key is the request (its document and variables), a few kB; the answer can be a megabyte
                .weigher((String key, Entry entry) -> 2 * key.length() + entry.json.length())
                .expireAfterWrite(maxAge)
                .ticker(ticker)
                .executor(Runnable::run) // evict on the caller's thread: no pool of its own for a cache of answers
                .build();
    }

    /** The current generation: taken when a request starts, handed back to {@link #store}. */
    public long generation() {
        return generation.get();
    }

    /** The answer to this request, if one is stored from the current generation. */
    public Optional<Buffer> find(String request) {
        Entry entry = entries.getIfPresent(request);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.generation != generation.get()) {
            entries.asMap().remove(request, entry);
            return Optional.empty();
        }
        Buffer json = entry.json;
        if (!json.getByteBuf().isDirect()) { // asked a second time: kept off the heap from now on
            json = offHeap(json);
            entry.json = json; // two requests at once may both copy it; either copy serves
        }
        return Optional.of(json);
    }

    /**
     * Keeps an answer (in the form it is served in, {@link #served}) computed from the data of the given generation,
     * unless that generation is over.
     */
    public void store(String request, long startedIn, Buffer answer) {
        if (startedIn == generation.get()) {
            entries.put(request, new Entry(startedIn, answer));
        }
    }

    /**
     * A computed answer in the form it is served in: on the heap, as written. Netty copies it into its pooled direct
     * memory to write it. Making a JDK direct buffer of each one instead cost more than that copy: 0.8 MB of fresh
     * native memory per flagship answer, zeroed and faulted in page by page, and freed only by the next collection
     * (8% of the gateway's CPU samples on computed answers). An answer asked again is moved off the heap by
     * {@link #find}, once.
     */
    public static Buffer served(byte[] json) {
        return Buffer.buffer(Unpooled.wrappedBuffer(json));
    }

    /**
     * A stored answer off the heap, so that each time it is served it is written to the socket as it is rather than
     * copied there first (0.8 MB for the flagship: from the cache, about a tenth more answers a second). A JDK buffer,
     * freed by the collector once no entry and no write in flight holds it: a Netty-allocated one would have to be
     * released by hand, and could be while a write still reads it.
     */
    private static Buffer offHeap(Buffer answer) {
        ByteBuffer direct = ByteBuffer.allocateDirect(answer.length()).put(answer.getByteBuf().nioBuffer()).flip();
        return Buffer.buffer(Unpooled.wrappedBuffer(direct));
    }

    /** The data may have changed: nothing stored so far is served again. */
    public void invalidate() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    /** Bytes held (keys and answers), as the size limit counts them. */
    public long weight() {
        return entries.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
    }
}
