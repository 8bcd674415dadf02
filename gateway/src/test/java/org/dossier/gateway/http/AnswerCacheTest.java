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

    private static io.vertx.core.buffer.Buffer json(String text) {
        return AnswerCache.served(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(AnswerCache cache, String request) {
        return cache.find(request).map(b -> b.toString(StandardCharsets.UTF_8)).orElse(null);
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
        assertThat(computed.getByteBuf().isDirect()).as("a computed answer is served as written").isFalse();
        cache.store("q", cache.generation(), computed);
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        var stored = cache.find("q").orElseThrow();
        assertThat(stored.getByteBuf().isDirect()).isTrue();
        assertThat(stored.getBytes()).isEqualTo(computed.getBytes());
        assertThat(cache.find("q").orElseThrow().getByteBuf().isDirect()).isTrue();
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
        var answer = AnswerCache.served(new byte[3_000]);
        for (int i = 0; i < 10; i++) {
            cache.store("q" + i, cache.generation(), answer);
        }
        // Which ones stay is the cache's choice (Caffeine's frequency-based admission); how much is not.
        assertThat(cache.weight()).isLessThanOrEqualTo(10_000).isGreaterThanOrEqualTo(6_000);
        cache.store("huge", cache.generation(), AnswerCache.served(new byte[20_000]));
        assertThat(cache.find("huge")).as("an answer larger than the whole cache is not kept").isEmpty();
        assertThat(cache.weight()).isLessThanOrEqualTo(10_000);
    }
}
