package org.dossier.bench;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Bulk ingest through the NDJSON endpoint, with single POSTs at a steady rate alongside.
 *
 * <p>Usage: {@code java -cp bench/target/bench.jar org.dossier.bench.IngestBench [articles] [batch-size] [streams] [single-per-second]}
 * (defaults 100000 5000 2 10). Environment: DOSSIER_INGEST (default http://127.0.0.1:8081/api/articles),
 * DOSSIER_API_KEY (or .dossier/api-key), DOSSIER_BENCH_WARM_UP (articles sent the same way first and not counted, default 0:
 * with 20000 a fresh stack is measured warm), DOSSIER_BENCH_RATE (articles per second for all bulk streams together, default 0:
 * as fast as the server takes them). Prints the rate of every 10,000 articles, then the totals and the single-POST latencies.
 */
public final class IngestBench {

    private IngestBench() {
    }

    private static final long RUN_START = System.nanoTime();
    /** The first windows run while the JIT compiles; single posts after them are reported apart as well. */
    private static final long WARM_UP_ARTICLES = 20_000;
    private static final int GENERATOR_WARM_UP = 50_000;

    /**
     * Bulk lines at a steady rate for all streams together. Behind the schedule, lines go at once, but a backlog of more
     * than a second is forgotten: a slow stretch (a cold JVM) is not followed by a long burst above the rate.
     */
    private static final class Pacer {

        private final long interval;
        private long next = System.nanoTime();

        private Pacer(double articlesPerSecond) {
            this.interval = articlesPerSecond > 0 ? (long) (1e9 / articlesPerSecond) : 0;
        }

        boolean paced() {
            return interval > 0;
        }

        /** Waits for the next article's turn; without a rate, returns at once. */
        void await() {
            if (!paced()) {
                return;
            }
            long due;
            synchronized (this) {
                due = Math.max(next, System.nanoTime() - 1_000_000_000L);
                next = due + interval;
            }
            long wait = due - System.nanoTime();
            if (wait > 200_000) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int streams = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int singlesPerSecond = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        String endpoint = System.getenv().getOrDefault("DOSSIER_INGEST", "http://127.0.0.1:8081/api/articles");
        String key = apiKey();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long runSeed = System.nanoTime();
        // The generator runs in this JVM beside the services: warmed first, its JIT compilation does not take cores from
        // them during the first windows. The lines are thrown away; none reaches the server.
        ArticleGenerator warmUp = new ArticleGenerator(~runSeed);
        long warmedChars = 0;
        for (int i = 0; i < GENERATOR_WARM_UP; i++) {
            warmedChars += warmUp.ndjsonLine(-1_000_000_000L - i).length();
        }
        System.out.printf("generator warmed on %,d articles (%,d characters), none sent%n", GENERATOR_WARM_UP, warmedChars);

        int warmUpArticles = Integer.parseInt(System.getenv().getOrDefault("DOSSIER_BENCH_WARM_UP", "0"));
        if (warmUpArticles > 0) {
            // The same load, other articles, untimed: the services' JIT compiles before the measured run, as it would have
            // on a service that has been running for a while.
            System.out.printf("warm-up: %,d articles with single posts alongside, not counted%n", warmUpArticles);
            load(http, endpoint, key, warmUpArticles, batchSize, streams, singlesPerSecond, runSeed + 7_919, false);
        }
        load(http, endpoint, key, total, batchSize, streams, singlesPerSecond, runSeed, true);
    }

    /** Sends {@code total} articles in batches with single posts alongside; prints every window and the totals if asked. */
    private static void load(HttpClient http, String endpoint, String key, int total, int batchSize, int streams,
            int singlesPerSecond, long runSeed, boolean report) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        AtomicLong stored = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<long[]> windows = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long[] windowStart = {start};
        // Where each window's single posts begin in singleLatencies, and where those after the JIT's warm-up begin.
        int[] windowSingles = {0};
        int[] warmSingles = {-1};

        double rate = Double.parseDouble(System.getenv().getOrDefault("DOSSIER_BENCH_RATE", "0"));
        Pacer pacer = new Pacer(rate);
        AtomicBoolean loading = new AtomicBoolean(true);
        List<Long> singleLatencies = Collections.synchronizedList(new ArrayList<>());
        // Single posts come from another client, as from another partner: on one HTTP/2 connection they would queue
        // behind a batch upload's flow-control window (set DOSSIER_BENCH_SHARED_CLIENT=1 to see it).
        HttpClient singleClient = System.getenv("DOSSIER_BENCH_SHARED_CLIENT") != null ? http
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Thread singles = new Thread(() -> singlePosts(singleClient, endpoint, key, singlesPerSecond, loading, singleLatencies, runSeed));
        singles.start();

        List<Thread> workers = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            int stream = s;
            Thread worker = new Thread(() -> {
                ArticleGenerator generator = new ArticleGenerator(runSeed + stream);
                while (true) {
                    long first = next.getAndAdd(batchSize);
                    if (first >= total) {
                        return;
                    }
                    int count = (int) Math.min(batchSize, total - first);
                    try {
                        String answer = sendBatch(http, endpoint + "/batch", key, generator, runSeed, first, count, pacer);
                        long ok = answer.lines().filter(l -> l.contains("\"status\":201") || l.contains("\"status\":200")).count();
                        stored.addAndGet(ok);
                        failed.addAndGet(count - ok);
                    } catch (Exception e) {
                        failed.addAndGet(count);
                        System.err.println("batch failed: " + e);
                    }
                    synchronized (windows) {
                        long done = stored.get() + failed.get();
                        while (done >= (windows.size() + 1) * 10_000L) {
                            long now = System.nanoTime();
                            windows.add(new long[] {(windows.size() + 1) * 10_000L, now - windowStart[0], now - start});
                            windowStart[0] = now;
                            long[] w = windows.get(windows.size() - 1);
                            List<Long> inWindow;
                            synchronized (singleLatencies) {
                                inWindow = new ArrayList<>(singleLatencies.subList(windowSingles[0], singleLatencies.size()));
                                windowSingles[0] = singleLatencies.size();
                                if (w[0] == WARM_UP_ARTICLES) {
                                    warmSingles[0] = singleLatencies.size();
                                }
                            }
                            if (!report) {
                                continue;
                            }
                            Collections.sort(inWindow);
                            System.out.printf("%,7d articles: last 10,000 at %,6.0f/s, cumulative %,6.0f/s%s%n", w[0],
                                    10_000 / (w[1] / 1e9), w[0] / (w[2] / 1e9), inWindow.isEmpty() ? ""
                                            : String.format("; single POSTs in it: %d, p95 %.0f ms, max %.0f ms", inWindow.size(),
                                                    percentile(inWindow, 95), inWindow.get(inWindow.size() - 1) / 1e6));
                        }
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        loading.set(false);
        singles.join();

        if (!report) {
            System.out.printf("warm-up done: %,d stored, %,d failed in %.1f s%n", stored.get(), failed.get(), seconds);
            return;
        }
        System.out.printf("bulk: %,d stored, %,d failed in %.1f s = %,.0f articles/s (batches of %d, %d streams%s)%n",
                stored.get(), failed.get(), seconds, stored.get() / seconds, batchSize, streams,
                rate > 0 ? String.format(", paced at %,.0f/s", rate) : "");
        if (!singleLatencies.isEmpty()) {
            System.out.printf("single POST during the load (%d requests at %d/s): %s%n", singleLatencies.size(), singlesPerSecond,
                    summary(singleLatencies));
        }
        if (warmSingles[0] >= 0 && warmSingles[0] < singleLatencies.size()) {
            List<Long> warm = singleLatencies.subList(warmSingles[0], singleLatencies.size());
            System.out.printf("single POST after the first %,d articles (JIT warm): %d requests, %s%n", WARM_UP_ARTICLES,
                    warm.size(), summary(warm));
        }
    }

    private static String sendBatch(HttpClient http, String url, String key, ArticleGenerator generator, long runSeed, long first,
            int count, Pacer pacer) throws IOException, InterruptedException {
        // The body is generated while it is sent, as a partner streaming a large file would.
        PipedInputStream body = new PipedInputStream(1 << 20);
        PipedOutputStream writer = new PipedOutputStream(body);
        Thread producer = new Thread(() -> {
            try (writer) {
                for (long i = first; i < first + count; i++) {
                    pacer.await();
                    writer.write((generator.ndjsonLine(runSeed % 1_000_000 * 1_000_000_000L + i) + "\n").getBytes(StandardCharsets.UTF_8));
                    if (pacer.paced()) {
                        writer.flush(); // wakes the reader: a piped stream's reader otherwise polls for data once a second
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        producer.start();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(30))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        producer.join();
        if (response.statusCode() != 200) {
            throw new IOException("batch answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static void singlePosts(HttpClient http, String endpoint, String key, int perSecond, AtomicBoolean loading,
            List<Long> latencies, long runSeed) {
        if (perSecond <= 0) {
            return;
        }
        ArticleGenerator generator = new ArticleGenerator(runSeed ^ 0x5EED);
        long interval = 1_000_000_000L / Math.max(1, perSecond);
        long serial = 0;
        // One untimed post first: the client's own class loading and connection set-up are not the server's latency.
        try {
            http.send(singlePost(endpoint, key, generator.ndjsonLine(-(runSeed % 1_000_000) * 1_000_000L - ++serial)),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            System.err.println("first single POST failed: " + e);
        }
        long due = System.nanoTime();
        while (loading.get()) {
            due += interval;
            HttpRequest request = singlePost(endpoint, key, generator.ndjsonLine(-(runSeed % 1_000_000) * 1_000_000L - ++serial));
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201 || response.statusCode() == 200) {
                    long took = System.nanoTime() - t0;
                    latencies.add(took);
                    if (took > 1_000_000_000L) {
                        System.out.printf("slow single POST: %.1f s, sent %.1f s into the run%n", took / 1e9,
                                (t0 - RUN_START) / 1e9);
                    }
                } else {
                    System.err.println("single POST answered " + response.statusCode());
                }
            } catch (IOException | InterruptedException e) {
                System.err.println("single POST failed: " + e);
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static HttpRequest singlePost(String endpoint, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return request.build();
    }

    /** p50, p95, p99 and max of latencies in nanoseconds, in milliseconds. */
    private static String summary(List<Long> latencies) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    static String apiKey() throws IOException {
        String key = System.getenv("DOSSIER_API_KEY");
        if (key != null && !key.isBlank()) {
            return key.strip();
        }
        java.nio.file.Path file = java.nio.file.Path.of(System.getenv().getOrDefault("DOSSIER_DATA_DIR", ".dossier"), "api-key");
        return java.nio.file.Files.exists(file) ? java.nio.file.Files.readString(file).strip() : null;
    }
}
