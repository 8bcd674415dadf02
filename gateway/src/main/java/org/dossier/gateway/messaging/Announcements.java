package org.dossier.gateway.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.dossier.gateway.http.CachedAnswers;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The services' announcements of change, as they reach the answer cache: every record on the topics the gateway reads
 * ends the stored answers, and the cache stores answers only while a consumer reads each of those topics. The live
 * feeds for subscriptions ({@link StatementFeed}, {@link TimelineFeed}) pass their records on here; new articles,
 * which no subscription wants, come in on a channel of their own.
 */
@ApplicationScoped
@Default
@Identifier(Announcements.LISTENER)
public class Announcements implements KafkaConsumerRebalanceListener {

    /** The name the channels give as {@code consumer-rebalance-listener.name}. */
    static final String LISTENER = "answer-cache-announcements";

    private final CachedAnswers answers;

    Announcements(CachedAnswers answers) {
        this.answers = answers;
    }

    /** A record of any type, even one the gateway cannot read: whatever it announces, stored answers may be stale. */
    void received() {
        answers.dataChanged();
    }

    /** A poll's records at once, as bytes never decoded: only their arrival matters, and a bulk load sends thousands a second. */
    @Incoming("article-announcements")
    public void articleEvents(List<byte[]> ignored) {
        received();
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        answers.partitionsAssigned(consumer, partitions);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        answers.partitionsGone(partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        answers.partitionsGone(partitions);
    }
}
