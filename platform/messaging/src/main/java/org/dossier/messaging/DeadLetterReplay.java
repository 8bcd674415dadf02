package org.dossier.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.dossier.events.Topics;
import org.jboss.logging.Logger;

/**
 * Sends the dead letters of a topic back to it, once the cause is fixed: every record of {@code <topic>.dlq} not
 * replayed before (the consumer group {@code dossier-dead-letter-replay} keeps the place), with its key and original
 * headers. A reference ({@link DeadLetterStrategy#REFERENCE}) is replaced by the record it names, read back from the
 * original topic. Consumers are idempotent, so a record replayed twice changes nothing.
 */
@ApplicationScoped
public class DeadLetterReplay {

    static final String GROUP = "dossier-dead-letter-replay";
    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> kafkaConfig;
    private final MessagingConfig config;
    private final ObjectMapper json = new ObjectMapper();

    DeadLetterReplay(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MessagingConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
    }

    /** Replays what {@code <topic>.dlq} holds now; returns how many records went back to {@code topic}. */
    public int replay(String topic) {
        String dlq = Topics.deadLetter(topic);
        Map<String, Object> consumerProps = new HashMap<>(kafkaConfig);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, KafkaProducers.MAX_REQUEST_BYTES);
        int replayed = 0;
        long started = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> letters = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaProducers.reliable(kafkaConfig,
                     config.source().replace("/", "") + "-replay"), new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = letters.partitionsFor(dlq).stream()
                    .map(p -> new TopicPartition(dlq, p.partition())).toList();
            letters.assign(partitions);
            Map<TopicPartition, Long> end = letters.endOffsets(partitions);
            LOG.debugf("replaying %s up to %s", dlq, end);
            while (partitions.stream().anyMatch(p -> letters.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> letter : letters.poll(POLL)) {
                    if (letter.offset() >= end.get(new TopicPartition(letter.topic(), letter.partition()))) {
                        continue; // arrived during the replay: the next replay's
                    }
                    producer.send(original(topic, letter, consumerProps)).get(30, TimeUnit.SECONDS);
                    replayed++;
                }
            }
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            partitions.forEach(p -> done.put(p, new OffsetAndMetadata(end.get(p))));
            letters.commitSync(done);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + dlq, e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not replay " + dlq + ": " + e.getMessage(), e);
        }
        LOG.infof("replayed %d dead letters of %s to %s in %d ms", replayed, dlq, topic, (System.nanoTime() - started) / 1_000_000);
        return replayed;
    }

    private ProducerRecord<byte[], byte[]> original(String topic, ConsumerRecord<byte[], byte[]> letter, Map<String, Object> props) {
        if (letter.headers().lastHeader(DeadLetterStrategy.REFERENCE) == null) {
            return withOriginalHeaders(new ProducerRecord<>(topic, letter.key(), letter.value()), letter);
        }
        try {
            JsonNode where = json.readTree(letter.value());
            TopicPartition source = new TopicPartition(where.get("topic").asText(), where.get("partition").asInt());
            long offset = where.get("offset").asLong();
            Map<String, Object> readerProps = new HashMap<>(props);
            readerProps.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP + "-" + UUID.randomUUID()); // never commits
            try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(readerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                reader.assign(List.of(source));
                reader.seek(source, offset);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL)) {
                        if (record.offset() == offset) {
                            return withOriginalHeaders(new ProducerRecord<>(topic, record.key(), record.value()), record);
                        }
                        throw new IllegalStateException(source + "@" + offset + " is no longer kept (the topic's retention)");
                    }
                }
                throw new IllegalStateException("could not read " + source + "@" + offset);
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable dead-letter reference at " + letter.topic() + "@" + letter.offset(), e);
        }
    }

    private static ProducerRecord<byte[], byte[]> withOriginalHeaders(ProducerRecord<byte[], byte[]> record,
            ConsumerRecord<byte[], byte[]> from) {
        for (Header header : from.headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                record.headers().add(header);
            }
        }
        record.headers().add("dead-letter-replayed", from.topic().getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
