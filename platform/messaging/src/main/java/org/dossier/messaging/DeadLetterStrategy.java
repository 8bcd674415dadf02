package org.dossier.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.dossier.events.Topics;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * The failure strategy of every consuming channel: {@code failure-strategy=dossier-dead-letter}. A SmallRye Kafka
 * failure handler, called with each nacked record and the reason.
 *
 * <ul>
 * <li>A transient reason ({@link FailureClassifier}), which at this point means the service is shutting down: the
 * record is left unacknowledged. With the {@code throttled} commit strategy its offset is then never committed, and
 * the record is read again after the restart.</li>
 * <li>Any other reason: the record goes to {@code <topic>.dlq} (or the channel's {@code dead-letter-queue.topic}) with
 * its key and headers, the reason in {@code dead-letter-reason}, and where it came from ({@code dead-letter-topic},
 * {@code -partition}, {@code -offset}); then it is acknowledged. A record larger than
 * {@code dossier.messaging.dead-letter.max-message-bytes} is dead-lettered as a reference instead of a copy
 * ({@code dead-letter-reference=true}, a small JSON value naming topic, partition, offset, size and key), so that no
 * dead letter can be refused by the broker and stop the consumer. If even that cannot be sent (the broker is down),
 * the record is left unacknowledged as well.</li>
 * </ul>
 */
@ApplicationScoped
@Identifier(DeadLetterStrategy.NAME)
public class DeadLetterStrategy implements KafkaFailureHandler.Factory {

    public static final String NAME = "dossier-dead-letter";
    public static final String REASON = "dead-letter-reason";
    public static final String REFERENCE = "dead-letter-reference";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String SIZE = "dead-letter-size";

    private static final Logger LOG = Logger.getLogger(DeadLetterStrategy.class);
    /** Room for the record's framing in a request, beyond its key, value and headers. */
    private static final int RECORD_OVERHEAD = 1024;

    private final Map<String, Object> kafkaConfig;
    private final MessagingConfig config;
    private final ObjectMapper json = new ObjectMapper();
    private volatile KafkaProducer<byte[], byte[]> producer;

    DeadLetterStrategy(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MessagingConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration channel, Vertx vertx, KafkaConsumer<?, ?> consumer,
            BiConsumer<Throwable, Boolean> reportFailure) {
        String channelName = channel.getChannel();
        String configuredTopic = channel.getDeadLetterQueueTopic().orElse(null);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (FailureClassifier.isTransient(reason)) {
                    LOG.infof("channel %s: %s-%d@%d left unacknowledged, to be read again after a restart: %s", channelName,
                            record.getTopic(), record.getPartition(), record.getOffset(), Retries.rootMessage(reason));
                    return Uni.createFrom().voidItem();
                }
                String topic = configuredTopic != null ? configuredTopic : Topics.deadLetter(record.getTopic());
                ProducerRecord<byte[], byte[]> dead = deadLetter(topic, record, reason);
                return Uni.createFrom().<Void>emitter(done -> producer().send(dead, (sent, failure) -> {
                    if (failure == null) {
                        done.complete(null);
                    } else {
                        done.fail(failure);
                    }
                })).onItem().transformToUni(sent -> {
                    LOG.warnf("channel %s: %s-%d@%d dead-lettered to %s%s: %s", channelName, record.getTopic(),
                            record.getPartition(), record.getOffset(), topic,
                            dead.headers().lastHeader(REFERENCE) != null ? " as a reference" : "", reason.getMessage());
                    return Uni.createFrom().completionStage(record.ack());
                }).onFailure().recoverWithUni(failure -> {
                    LOG.errorf(failure, "channel %s: could not dead-letter %s-%d@%d; left unacknowledged", channelName,
                            record.getTopic(), record.getPartition(), record.getOffset());
                    return Uni.createFrom().voidItem();
                });
            }
        };
    }

    <K, V> ProducerRecord<byte[], byte[]> deadLetter(String topic, IncomingKafkaRecord<K, V> record, Throwable reason) {
        byte[] key = bytes(record.getKey());
        byte[] value = bytes(record.getPayload());
        Headers headers = record.getHeaders();
        long size = length(key) + length(value) + RECORD_OVERHEAD;
        for (Header header : headers) {
            size += header.key().length() + length(header.value());
        }
        String why = reason.getMessage() == null ? reason.getClass().getName() : reason.getMessage();
        boolean reference = size > config.deadLetter().maxMessageBytes();
        ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(topic, null, key, reference ? reference(record, size) : value);
        for (Header header : headers) {
            if (!header.key().startsWith("dead-letter-")) { // a replayed record that failed again keeps only this reason
                dead.headers().add(header);
            }
        }
        dead.headers().add(REASON, utf8(why));
        dead.headers().add(TOPIC, utf8(record.getTopic()));
        dead.headers().add(PARTITION, utf8(Integer.toString(record.getPartition())));
        dead.headers().add(OFFSET, utf8(Long.toString(record.getOffset())));
        dead.headers().add(SIZE, utf8(Long.toString(size)));
        if (reference) {
            dead.headers().add(REFERENCE, utf8("true"));
        }
        return dead;
    }

    private <K, V> byte[] reference(IncomingKafkaRecord<K, V> record, long size) {
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("topic", record.getTopic());
        where.put("partition", record.getPartition());
        where.put("offset", record.getOffset());
        where.put("size", size);
        where.put("key", record.getKey() == null ? null : record.getKey().toString());
        try {
            return json.writeValueAsBytes(where);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(KafkaProducers.reliable(kafkaConfig, config.source().replace("/", "") + "-dead-letters"),
                            new ByteArraySerializer(), new ByteArraySerializer());
                }
            }
        }
        return producer;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    private static byte[] bytes(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof byte[] b ? b : utf8(value.toString());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int length(byte[] b) {
        return b == null ? 0 : b.length;
    }
}
