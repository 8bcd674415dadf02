package org.dossier.messaging;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The producer settings every producer of this module shares, on top of the service's Kafka configuration. */
final class KafkaProducers {

    /** Article texts travel in events; the broker accepts up to 5 MiB per message. */
    static final int MAX_REQUEST_BYTES = 5 * 1024 * 1024;

    private KafkaProducers() {
    }

    /** Idempotent, acknowledged by all in-sync replicas, up to 5 MiB a request. */
    static Map<String, Object> reliable(Map<String, Object> kafkaConfig, String clientId) {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES);
        // lz4 unless kafka.compression.type says otherwise: Kafka's lz4 is pure Java, about 0.1-0.2 ms of
        // CPU per article event; "none" saves that on a broker next door (bench/README, bulk ingest).
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return props;
    }
}
