package org.dossier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Freshness, end to end (issue 8): at a steady ingest rate, the time from a {@code POST /api/articles} returning to the
 * article being answerable through GraphQL, that is {@code processing { analyzed timelined }} true and its statements
 * present, asked as an outside client would. Also the memory of every process of the stack, idle and under each rate.
 *
 * <p>Usage, with a stack up: {@code java -cp bench/target/bench.jar org.dossier.bench.FreshnessBench [rates=1,5,10]
 * [seconds-per-rate=60] [warm-up-seconds=60]}. The warm-up posts 2 articles/s and is not reported: a freshly started
 * entity-service analyses several times slower until its JIT has compiled the language models' hot paths (cold, it
 * fell behind at 3/s: p50 47 s after a minute). Environment: DOSSIER_INGEST (default
 * http://127.0.0.1:8081/api/articles), DOSSIER_GRAPHQL (default http://127.0.0.1:8080/graphql), DOSSIER_API_KEY (or
 * DOSSIER_DATA_DIR/api-key).
 *
 * <p>Articles are asked about every {@value #POLL_MILLIS} ms, up to {@value #ALIASES} in one query (aliases), so a
 * figure can be late by up to one poll and the query's own time; the poll costs the gateway a few queries a second.
 */
public final class FreshnessBench {

    /** Slow enough for a cold entity-service to keep up with. */
    private static final double WARM_UP_RATE = 2;

    private static final long POLL_MILLIS = 100;
    private static final int ALIASES = 25;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String ingest;
    private final String graphql;
    private final String key;
    private final ArticleGenerator generator = new ArticleGenerator(System.nanoTime());
    private final long serialBase = System.currentTimeMillis() * 1_000;
    private final AtomicLong serial = new AtomicLong();

    private FreshnessBench(String ingest, String graphql, String key) {
        this.ingest = ingest;
        this.graphql = graphql;
        this.key = key;
    }

    public static void main(String[] args) throws Exception {
        List<Double> rates = new ArrayList<>();
        for (String rate : (args.length > 0 ? args[0] : "1,5,10").split(",")) {
            rates.add(Double.parseDouble(rate));
        }
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        FreshnessBench bench = new FreshnessBench(
                System.getenv().getOrDefault("DOSSIER_INGEST", "http://127.0.0.1:8081/api/articles"),
                System.getenv().getOrDefault("DOSSIER_GRAPHQL", "http://127.0.0.1:8080/graphql"), IngestBench.apiKey());
        System.out.println("memory (PSS) at idle: " + Footprint.describe(Footprint.residentKib()));
        if (warmUp > 0) {
            System.out.println("warm-up, not reported:");
            bench.run(WARM_UP_RATE, warmUp);
        }
        List<String> rows = new ArrayList<>();
        for (double rate : rates) {
            rows.add(bench.run(rate, seconds));
        }
        System.out.println();
        System.out.println("| articles/s offered | posted | answerable | p50 | p95 | p99 | max | p50 first third → last third | peak memory (PSS) |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        rows.forEach(System.out::println);
    }

    /** One rate: posts for the given time, then waits for the stragglers; returns a table row. */
    private String run(double rate, int seconds) throws InterruptedException {
        Map<String, Posted> pending = new ConcurrentHashMap<>();
        // {post order, nanos to answerable, nanos to analysed}
        List<long[]> answered = Collections.synchronizedList(new ArrayList<>());
        AtomicLong posted = new AtomicLong();
        AtomicLong failedPosts = new AtomicLong();
        AtomicLong withoutStatements = new AtomicLong();
        Footprint footprint = new Footprint();

        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newCachedThreadPool();
        long interval = (long) (1e9 / rate);
        int total = (int) Math.round(rate * seconds);
        AtomicLong scheduled = new AtomicLong();
        clock.scheduleAtFixedRate(() -> {
            long order = scheduled.getAndIncrement();
            if (order < total) {
                senders.execute(() -> post(order, pending, posted, failedPosts));
            }
        }, 0, interval, TimeUnit.NANOSECONDS);

        long start = System.nanoTime();
        long drainDeadline = start + TimeUnit.SECONDS.toNanos(seconds) + TimeUnit.SECONDS.toNanos(Math.max(60, seconds));
        long nextSample = 0;
        while (System.nanoTime() < drainDeadline
                && (scheduled.get() < total || posted.get() + failedPosts.get() < total || !pending.isEmpty())) {
            long roundStart = System.nanoTime();
            poll(pending, answered, withoutStatements);
            if (roundStart >= nextSample) {
                footprint.sample();
                nextSample = roundStart + 1_000_000_000L;
            }
            long wait = POLL_MILLIS - (System.nanoTime() - roundStart) / 1_000_000;
            if (wait > 0) {
                Thread.sleep(wait);
            }
        }
        clock.shutdownNow();
        senders.shutdown();
        senders.awaitTermination(30, TimeUnit.SECONDS);

        List<long[]> byOrder = new ArrayList<>(answered);
        byOrder.sort((a, b) -> Long.compare(a[0], b[0]));
        List<Long> all = sorted(byOrder, 0, byOrder.size());
        List<Long> analysed = new ArrayList<>(byOrder.stream().map(row -> row[2]).toList());
        Collections.sort(analysed);
        int third = byOrder.size() / 3;
        List<Long> firstThird = sorted(byOrder, 0, third);
        List<Long> lastThird = sorted(byOrder, byOrder.size() - third, byOrder.size());
        System.out.printf("%.1f articles/s for %d s: %d posted (%d failed), %d answerable, %d never within %d s after the"
                + " last post, %d answerable without statements%n", rate, seconds, posted.get(), failedPosts.get(),
                all.size(), pending.size(), Math.max(60, seconds), withoutStatements.get());
        if (all.isEmpty()) {
            return String.format("| %.1f | %d | 0 | | | | | | %s |", rate, posted.get(), Footprint.describe(footprint.peaksKib()));
        }
        System.out.printf("  from POST answered to answerable: p50 %.2f s, p95 %.2f s, p99 %.2f s, max %.2f s;"
                + " p50 of the first third %.2f s, of the last third %.2f s%n", pct(all, 50), pct(all, 95), pct(all, 99),
                pct(all, 100), pct(firstThird, 50), pct(lastThird, 50));
        System.out.printf("  of which to analysed (seen by the same polls): p50 %.2f s, p95 %.2f s%n", pct(analysed, 50),
                pct(analysed, 95));
        System.out.println("  peak memory (PSS): " + Footprint.describe(footprint.peaksKib()));
        return String.format("| %.1f | %d | %d | %.2f s | %.2f s | %.2f s | %.2f s | %.2f s → %.2f s | %s |", rate,
                posted.get(), all.size(), pct(all, 50), pct(all, 95), pct(all, 99), pct(all, 100), pct(firstThird, 50),
                pct(lastThird, 50), Footprint.describe(footprint.peaksKib()));
    }

    /** An article posted and not yet answerable; {@code analyzedAfter} is set when a poll first sees it analysed. */
    private static final class Posted {
        final long order;
        final long returnedAt;
        volatile long analyzedAfter = -1;

        Posted(long order, long returnedAt) {
            this.order = order;
            this.returnedAt = returnedAt;
        }
    }

    private void post(long order, Map<String, Posted> pending, AtomicLong posted, AtomicLong failed) {
        String body = generator.ndjsonLineWithStatements(serialBase + serial.incrementAndGet());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ingest)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long returnedAt = System.nanoTime();
            if (response.statusCode() != 201) {
                failed.incrementAndGet();
                System.err.println("POST answered " + response.statusCode() + ": " + response.body());
                return;
            }
            pending.put(JSON.readTree(response.body()).get("id").asText(), new Posted(order, returnedAt));
            posted.incrementAndGet();
        } catch (IOException | InterruptedException e) {
            failed.incrementAndGet();
            System.err.println("POST failed: " + e);
        }
    }

    /** Asks GraphQL about every pending article, {@value #ALIASES} to a query; moves the answerable ones out. */
    private void poll(Map<String, Posted> pending, List<long[]> answered, AtomicLong withoutStatements) {
        List<String> ids = new ArrayList<>(pending.keySet());
        for (int from = 0; from < ids.size(); from += ALIASES) {
            List<String> group = ids.subList(from, Math.min(ids.size(), from + ALIASES));
            StringBuilder query = new StringBuilder("query Freshness {");
            for (int i = 0; i < group.size(); i++) {
                query.append(" a").append(i).append(": article(id: \"").append(group.get(i))
                        .append("\") { processing { analyzed timelined } statements { id } }");
            }
            query.append(" }");
            JsonNode data;
            try {
                String body = JSON.writeValueAsString(Map.of("query", query.toString()));
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(graphql))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode answer = JSON.readTree(response.body());
                if (answer.has("errors")) {
                    System.err.println("GraphQL errors: " + answer.get("errors"));
                }
                data = answer.path("data");
            } catch (IOException | InterruptedException e) {
                System.err.println("GraphQL poll failed: " + e);
                return;
            }
            long now = System.nanoTime();
            for (int i = 0; i < group.size(); i++) {
                JsonNode article = data.path("a" + i);
                JsonNode processing = article.path("processing");
                Posted p = pending.get(group.get(i));
                if (processing.path("analyzed").asBoolean() && p.analyzedAfter < 0) {
                    p.analyzedAfter = now - p.returnedAt;
                }
                if (processing.path("analyzed").asBoolean() && processing.path("timelined").asBoolean()) {
                    if (article.path("statements").isEmpty()) {
                        withoutStatements.incrementAndGet();
                    }
                    pending.remove(group.get(i));
                    answered.add(new long[] {p.order, now - p.returnedAt, p.analyzedAfter});
                }
            }
        }
    }

    private static List<Long> sorted(List<long[]> rows, int from, int to) {
        List<Long> out = new ArrayList<>();
        for (long[] row : rows.subList(from, to)) {
            out.add(row[1]);
        }
        Collections.sort(out);
        return out;
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e9;
    }
}
