package org.dossier.bench;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.dossier.events.CloudEvent;
import org.dossier.events.DossierEvents;
import org.dossier.events.EventCodec;
import org.dossier.events.Topics;

/**
 * How many articles per second entity-service analyses, however many instances share its consumer group: counts the
 * {@code dossier.article.analyzed.v1} events on {@code analysis.events} from now on, and times them from the first to
 * the last, so that model loading before the first analysis does not count. Used by {@code bench/scale-out/run}.
 *
 * <pre>java -cp ... org.dossier.bench.AnalysisThroughputBench &lt;bootstrap&gt; &lt;articles expected&gt; [idle timeout s=120]</pre>
 *
 * Prints "listening" once it is subscribed, a line every 10 seconds, and finally
 * {@code analysed N articles in S s = R articles/s}.
 */
public final class AnalysisThroughputBench {

    private AnalysisThroughputBench() {
    }

    public static void main(String[] args) {
        String bootstrap = args[0];
        int expected = Integer.parseInt(args[1]);
        long idleTimeout = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 120).toNanos();
        EventCodec codec = new EventCodec();
        try (KafkaConsumer<String, String> analysed = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "analysis-throughput-bench-" + UUID.randomUUID(), "auto.offset.reset", "latest"),
                new StringDeserializer(), new StringDeserializer())) {
            analysed.subscribe(List.of(Topics.ANALYSIS_EVENTS));
            while (analysed.assignment().isEmpty()) {
                analysed.poll(Duration.ofMillis(200));
            }
            analysed.seekToEnd(analysed.assignment());
            analysed.assignment().forEach(analysed::position); // resolve the end offsets now, before anything is analysed
            System.out.println("listening");
            Set<String> articles = new HashSet<>();
            long first = 0;
            long last = 0;
            long lastReport = System.nanoTime();
            int reported = 0;
            long lastSeen = System.nanoTime();
            while (articles.size() < expected && System.nanoTime() - lastSeen < idleTimeout) {
                for (ConsumerRecord<String, String> r : analysed.poll(Duration.ofMillis(200))) {
                    CloudEvent event = codec.read(r.value());
                    if (event.type().equals(DossierEvents.ARTICLE_ANALYZED.name()) && articles.add(event.subject())) {
                        last = System.nanoTime();
                        lastSeen = last;
                        if (first == 0) {
                            first = last;
                        }
                    }
                }
                long now = System.nanoTime();
                if (now - lastReport >= 10_000_000_000L && first != 0) {
                    System.out.printf("%,d analysed, %.2f articles/s in the last %.0f s%n", articles.size(),
                            (articles.size() - reported) / ((now - lastReport) / 1e9), (now - lastReport) / 1e9);
                    reported = articles.size();
                    lastReport = now;
                }
            }
            double seconds = (last - first) / 1e9;
            System.out.printf("analysed %d articles in %.1f s = %.2f articles/s%n", articles.size(), seconds,
                    articles.size() > 1 ? (articles.size() - 1) / seconds : 0.0);
        }
    }
}
