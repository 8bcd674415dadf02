package org.dossier.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dossier.events.AnalysisResults;
import org.dossier.events.ArticleAnalyzed;
import org.dossier.events.DossierEvents;
import org.dossier.events.EventCodec;
import org.dossier.events.TextRange;
import org.dossier.events.Topics;

/**
 * Merge throughput of timeline-service on a running stack: publishes generated analysis results (as entity-service
 * would) and times each batch of articles until timeline-service has placed them all.
 *
 * <pre>java -cp ... org.dossier.bench.TimelineBench &lt;bootstrap&gt; &lt;total mentions&gt; &lt;mentions per article&gt; &lt;report every N mentions&gt;</pre>
 */
public final class TimelineBench {

    private static final String[] KINDS = {"TALKS", "CALL", "MEETING", "AGREEMENT", "DEADLINE", "ANNOUNCEMENT",
            "CONTROL_IMPOSED", "CONTROL_EASED", "LICENCE_DECISION", "REPORT", "SUSPENSION", "EXTENSION", "ORDER_SIGNED",
            "INVESTIGATION", "LAWSUIT", "VISIT", "HEARING"};

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int total = Integer.parseInt(args[1]);
        int perArticle = Integer.parseInt(args[2]);
        int window = Integer.parseInt(args[3]);
        Random random = new Random(42);
        List<UUID> places = new ArrayList<>();
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            places.add(UUID.randomUUID());
        }
        for (int i = 0; i < 2000; i++) {
            people.add(UUID.randomUUID());
        }
        EventCodec codec = new EventCodec();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "linger.ms", "5"), new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> placed = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                     "group.id", "timeline-bench-" + UUID.randomUUID(), "auto.offset.reset", "latest"),
                     new StringDeserializer(), new StringDeserializer())) {
            placed.subscribe(List.of(Topics.TIMELINE_EVENTS));
            while (placed.assignment().isEmpty()) {
                placed.poll(Duration.ofMillis(200));
            }
            // Resolve "latest" now: resolved lazily, it could fall after the first placements and miss them.
            placed.assignment().forEach(placed::position);
            System.out.println("mentions_so_far,mentions_per_s_in_window,ms_per_mention");
            int sent = 0;
            while (sent < total) {
                long start = System.nanoTime();
                Set<String> waiting = new HashSet<>();
                int inWindow = 0;
                while (inWindow < window && sent < total) {
                    UUID article = UUID.randomUUID();
                    List<AnalysisResults.ExtractedEventMention> mentions = new ArrayList<>();
                    for (int i = 0; i < perArticle; i++) {
                        LocalDate day = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(730));
                        mentions.add(new AnalysisResults.ExtractedEventMention(UUID.randomUUID(), KINDS[random.nextInt(KINDS.length)],
                                "trigger", "Generated event", day, day, "DAY", false,
                                List.of(people.get(random.nextInt(people.size())), people.get(random.nextInt(people.size()))),
                                List.of(places.get(random.nextInt(places.size()))), List.of(), "generated passage",
                                new TextRange(0, 17)));
                    }
                    OffsetDateTime now = OffsetDateTime.now();
                    producer.send(new ProducerRecord<>(Topics.ANALYSIS_EVENTS, article.toString(), codec.write(codec.envelope(
                            DossierEvents.ANALYSIS_RESULTS, "/timeline-bench", article.toString(),
                            new AnalysisResults(article, now, List.of(), mentions)))));
                    producer.send(new ProducerRecord<>(Topics.ANALYSIS_EVENTS, article.toString(), codec.write(codec.envelope(
                            DossierEvents.ARTICLE_ANALYZED, "/timeline-bench", article.toString(),
                            new ArticleAnalyzed(article, now, perArticle, 0)))));
                    waiting.add(article.toString());
                    inWindow += perArticle;
                    sent += perArticle;
                }
                producer.flush();
                while (!waiting.isEmpty()) {
                    for (ConsumerRecord<String, String> r : placed.poll(Duration.ofMillis(200))) {
                        waiting.remove(r.key());
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%d,%.0f,%.3f%n", sent, inWindow / seconds, seconds * 1000 / inWindow);
            }
        }
    }
}
