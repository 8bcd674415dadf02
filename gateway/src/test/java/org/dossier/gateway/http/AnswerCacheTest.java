package org.dossier.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The answer cache alone: generations, the maximum age, the size bound. */
class AnswerCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker clock = nanos::get;

    private static final AnswerEncoding AS_WRITTEN = new AnswerEncoding(false, 0, 1);

    private static AnswerEncoding.EncodedAnswer json(String text) {
        return AS_WRITTEN.encode(text.getBytes(StandardCharsets.UTF_8), false);
    }

    private static String text(AnswerCache cache, String request) {
        return cache.find(request).map(b -> b.json().toString(StandardCharsets.UTF_8)).orElse(null);
    }

    @Test
    void anAnswerIsServedUntilTheDataChanges() {
        var cache = new AnswerCache(1 << 20, Duration.ofMinutes(1), clock);
        cache.store("q1", cache.generation(), json("{\"data\":1}"));
        assertThat(text(cache, "q1")).isEqualTo("{\"data\":1}");
        assertThat(text(cache, "q2")).isNull();
        cache.invalidate();
        assertThat(text(cache, "q1")).isNull();
    }

    @Test
    void anAnswerComputedWhileAChangeWasAnnouncedIsNeverServed() {
        var cache = new AnswerCache(1 << 20, Duration.ofMinutes(1), clock);
        long started = cache.generation();
        cache.invalidate(); // announced while the request was reading the services
        cache.store("q", started, json("{\"data\":\"old\"}"));
        assertThat(text(cache, "q")).isNull();
        // the next request, started after the announcement, is stored and served
        cache.store("q", cache.generation(), json("{\"data\":\"new\"}"));
        assertThat(text(cache, "q")).isEqualTo("{\"data\":\"new\"}");
    }

    @Test
    void anAnswerAskedAgainIsServedOffTheHeapWithTheSameTextAndAge() {
        var cache = new AnswerCache(1 << 20, Duration.ofSeconds(60), clock);
        var computed = json("{\"data\":{\"name\":\"Ren\u00e9\"}}");
        assertThat(computed.json().getByteBuf().isDirect()).as("a computed answer is served as written").isFalse();
        cache.store("q", cache.generation(), computed);
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        var stored = cache.find("q").orElseThrow();
        assertThat(stored.json().getByteBuf().isDirect()).isTrue();
        assertThat(stored.json().getBytes()).isEqualTo(computed.json().getBytes());
        assertThat(cache.find("q").orElseThrow().json().getByteBuf().isDirect()).isTrue();
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(cache.find("q")).as("moving it off the heap did not make it younger").isEmpty();
    }

    @Test
    void answersExpireAfterTheMaximumAge() {
        var cache = new AnswerCache(1 << 20, Duration.ofSeconds(60), clock);
        cache.store("q", cache.generation(), json("{}"));
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(text(cache, "q")).isEqualTo("{}");
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(text(cache, "q")).isNull();
    }

    @Test
    void theCacheHoldsNoMoreBytesThanItsLimit() {
        var cache = new AnswerCache(10_000, Duration.ofMinutes(1), clock);
        var answer = AS_WRITTEN.encode(new byte[3_000], false);
        for (int i = 0; i < 10; i++) {
            cache.store("q" + i, cache.generation(), answer);
        }
        // Which ones stay is the cache's choice (Caffeine's frequency-based admission); how much is not.
        assertThat(cache.weight()).isLessThanOrEqualTo(10_000).isGreaterThanOrEqualTo(6_000);
        cache.store("huge", cache.generation(), AS_WRITTEN.encode(new byte[20_000], false));
        assertThat(cache.find("huge")).as("an answer larger than the whole cache is not kept").isEmpty();
        assertThat(cache.weight()).isLessThanOrEqualTo(10_000);
    }

    @Test
    void aCompressedAnswerIsKeptWithItsJsonCountedInFullAndMovedOffTheHeapWithIt() {
        var cache = new AnswerCache(1 << 20, Duration.ofSeconds(60), clock);
        byte[] text = "{\"data\":{\"statements\":[\"licences required\"]}}".repeat(100).getBytes(StandardCharsets.UTF_8);
        var answer = new AnswerEncoding(true, 0, 1).encode(text, true);
        assertThat(answer.gzip()).isNotNull();
        cache.store("q", cache.generation(), answer);
        assertThat(cache.weight()).isEqualTo(2 * "q".length() + text.length + answer.gzip().length());
        var stored = cache.find("q").orElseThrow();
        assertThat(stored.gzip().getByteBuf().isDirect()).isTrue();
        assertThat(stored.gzip().getBytes()).isEqualTo(answer.gzip().getBytes());
        assertThat(stored.json().getBytes()).isEqualTo(text);
    }
}
