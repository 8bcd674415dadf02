package org.dossier.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.dossier.language.eval.AttributionSpans;
import org.dossier.language.eval.GoldSetExtraction;
import org.dossier.language.extract.ArticleAnalyzer;
import org.dossier.language.knowledge.KnowledgeBase;
import org.dossier.language.model.Analysis;
import org.dossier.language.nlp.CoreNlpEngine;

/**
 * The language pipeline on the gold sets, in process.
 *
 * <pre>
 * extract &lt;gold.json&gt; &lt;out.json&gt;     writes each article's extraction in the shape of the contract's
 *                                       ArticleExtraction operation, for ../shared/tools/dossier_eval.py to score
 * attributions &lt;split dir&gt; &lt;out dir&gt;  one brat .ann per PolNeAR text, for ../shared/tools/score-attributions
 * speed &lt;seeds dir&gt; &lt;threads&gt; &lt;seconds&gt;  analyses the seeds over and over: tokens/s, articles/s, memory
 * </pre>
 * Run through bench/language-eval, which builds the classpath and scores.
 */
public final class LanguageBench {

    public static void main(String[] args) throws Exception {
        long loadStart = System.nanoTime();
        CoreNlpEngine engine = new CoreNlpEngine();
        ArticleAnalyzer analyzer = new ArticleAnalyzer(engine, KnowledgeBase.builtIn());
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        System.err.printf("models loaded in %.1f s: %s%n", loadSeconds, engine.describe());
        switch (args[0]) {
            case "extract" -> GoldSetExtraction.write(analyzer, Path.of(args[1]), Path.of(args[2]));
            case "attributions" -> System.err.printf("%d texts written%n",
                    AttributionSpans.write(analyzer, Path.of(args[1]), Path.of(args[2])));
            case "speed" -> speed(analyzer, Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), loadSeconds);
            default -> throw new IllegalArgumentException("extract | attributions | speed");
        }
    }

    private static void speed(ArticleAnalyzer analyzer, Path seeds, int threads, int seconds, double loadSeconds) throws Exception {
        List<String> texts = new ArrayList<>();
        try (var files = Files.list(seeds)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                texts.add(Files.readString(p));
            }
        }
        LocalDate published = LocalDate.of(2025, 6, 10);
        for (int i = 0; i < 3; i++) {
            texts.forEach(t -> analyzer.analyze(t, null, published)); // warm-up
        }
        AtomicLong tokens = new AtomicLong();
        AtomicLong articles = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            work.add(pool.submit(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    Analysis a = analyzer.analyze(texts.get(i++ % texts.size()), null, published);
                    tokens.addAndGet(a.tokenCount());
                    articles.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        Runtime rt = Runtime.getRuntime();
        long rssKb = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
        System.out.printf("threads=%d seconds=%.1f tokens/s=%.0f articles/s=%.2f heap-used=%d MB max-heap=%d MB rss=%d MB load=%.1f s%n",
                threads, elapsed, tokens.get() / elapsed, articles.get() / elapsed,
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20, rssKb >> 10, loadSeconds);
    }
}
