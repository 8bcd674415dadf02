package org.dossier.gateway.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.dossier.gateway.http.AnswerEncoding.EncodedAnswer;

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
     * A stored answer (its JSON, and gzipped) and the generation of the data it was computed from. The answer moves off
     * the heap when it is asked again; the same entry keeps it, so its age is not reset.
     */
    private static final class Entry {
        final long generation;
        volatile EncodedAnswer answer;

        Entry(long generation, EncodedAnswer answer) {
            this.generation = generation;
            this.answer = answer;
        }
    }

    private final Cache<String, Entry> entries;
    private final AtomicLong generation = new AtomicLong();

    public AnswerCache(long maxBytes, Duration maxAge, Ticker ticker) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                // the key is the request (its document and variables), a few kB; the answer can be a megabyte
                .weigher((String key, Entry entry) -> 2 * key.length() + entry.answer.length())
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
    public Optional<EncodedAnswer> find(String request) {
        Entry entry = entries.getIfPresent(request);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.generation != generation.get()) {
            entries.asMap().remove(request, entry);
            return Optional.empty();
        }
        EncodedAnswer answer = entry.answer;
        // Asked a second time: kept off the heap from now on, so that each time it is served it is written to the
        // socket as it is rather than copied there first (0.8 MB for the flagship: about a tenth more answers a second).
        if (answer.onHeap()) {
            answer = answer.offHeap();
            entry.answer = answer; // two requests at once may both copy it; either copy serves
        }
        return Optional.of(answer);
    }

    /**
     * Keeps an answer (in the form it is served in, {@link AnswerEncoding#encode}) computed from the data of the given
     * generation, unless that generation is over.
     */
    public void store(String request, long startedIn, EncodedAnswer answer) {
        if (startedIn == generation.get()) {
            entries.put(request, new Entry(startedIn, answer));
        }
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
