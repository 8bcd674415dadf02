package org.dossier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.dossier.language.extract.ArticleAnalyzer;
import org.dossier.language.knowledge.KnowledgeBase;
import org.dossier.language.model.Analysis;
import org.dossier.language.model.CanonicalEntity;
import org.dossier.language.model.EntityKind;
import org.dossier.language.model.Statement;
import org.dossier.language.nlp.CoreNlpEngine;

/**
 * The language pipeline on the seed articles, in process.
 *
 * <pre>
 * extract &lt;gold.json&gt; &lt;out.json&gt;     writes each article's extraction in the shape of the contract's
 *                                       ArticleExtraction operation, for ../shared/tools/dossier_eval.py to score
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
            case "extract" -> extract(analyzer, Path.of(args[1]), Path.of(args[2]));
            case "speed" -> speed(analyzer, Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), loadSeconds);
            default -> throw new IllegalArgumentException("extract | speed");
        }
    }

    private static void extract(ArticleAnalyzer analyzer, Path gold, Path out) throws Exception {
        ObjectMapper om = new ObjectMapper();
        JsonNode g = om.readTree(gold.toFile());
        ObjectNode result = om.createObjectNode();
        Map<String, ObjectNode> persons = new LinkedHashMap<>();
        for (JsonNode art : g.get("articles")) {
            String file = art.get("file").asText();
            String text = Files.readString(gold.resolveSibling(file));
            LocalDate published = OffsetDateTime.parse(art.get("publishedAt").asText()).toLocalDate();
            Analysis a = analyzer.analyze(text, null, published);
            Map<String, CanonicalEntity> byKey = new LinkedHashMap<>();
            a.entities().forEach(e -> byKey.put(e.key(), e));
            ObjectNode ex = result.putObject(file);
            ex.put("id", file);
            ArrayNode entities = ex.putArray("entities");
            for (CanonicalEntity e : a.entities()) {
                entities.add(entity(om, e, byKey));
                if (e.kind() == EntityKind.PERSON) {
                    ObjectNode p = persons.computeIfAbsent(e.key(), k -> entity(om, e, byKey));
                    ArrayNode aliases = (ArrayNode) p.get("aliases");
                    for (String alias : e.aliases()) {
                        boolean known = false;
                        for (JsonNode x : aliases) {
                            known |= x.asText().equals(alias);
                        }
                        if (!known) {
                            aliases.add(alias);
                        }
                    }
                }
            }
            ArrayNode statements = ex.putArray("statements");
            for (Statement s : a.statements()) {
                ObjectNode n = statements.addObject();
                n.put("attributedTo", s.attributedTo());
                n.put("speakerKind", s.speakerKind().name());
                n.put("cue", s.cue());
                n.put("content", s.content());
                n.put("quote", s.quote());
                n.put("direct", s.direct());
                n.putObject("span").put("start", s.span().start()).put("end", s.span().end());
                if (s.speakerKey() != null && byKey.containsKey(s.speakerKey())) {
                    n.set("speaker", entity(om, byKey.get(s.speakerKey()), byKey));
                }
                ArrayNode about = n.putArray("about");
                s.aboutKeys().forEach(k -> about.add(entity(om, byKey.get(k), byKey)));
            }
        }
        ArrayNode people = result.putArray("__persons");
        persons.values().forEach(people::add);
        om.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
    }

    private static ObjectNode entity(ObjectMapper om, CanonicalEntity e, Map<String, CanonicalEntity> byKey) {
        ObjectNode n = om.createObjectNode();
        n.put("id", e.key());
        n.put("name", e.name());
        n.put("kind", e.kind().name());
        ArrayNode aliases = n.putArray("aliases");
        e.aliases().forEach(aliases::add);
        if (e.control() != null && e.control().imposedByKey() != null && byKey.containsKey(e.control().imposedByKey())) {
            n.putObject("imposedBy").put("name", byKey.get(e.control().imposedByKey()).name());
        }
        return n;
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
