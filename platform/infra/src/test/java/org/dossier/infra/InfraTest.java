package org.dossier.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfraTest {

    @TempDir
    Path tmp;

    @Test
    void brokerCarriesMessagesAndDiesWithItsLifeline() throws Exception {
        KafkaBroker broker = KafkaBroker.start(KafkaBroker.locateHome(), tmp.resolve("kafka"), Ports.free(), Ports.free(),
                tmp.resolve("kafka.log"), Duration.ofSeconds(60));
        ProcessHandle child = ProcessHandle.of(broker.pid()).orElseThrow();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                     "group.id", "infra-test", "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            producer.send(new ProducerRecord<>("infra.check", "k", "hello")).get(30, TimeUnit.SECONDS);
            consumer.subscribe(List.of("infra.check"));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int i = 0; i < 30 && records.isEmpty(); i++) {
                records = consumer.poll(Duration.ofSeconds(1));
            }
            assertThat(records).extracting(r -> r.key() + "=" + r.value()).containsExactly("k=hello");
        }
        broker.close();
        assertThat(child.isAlive()).isFalse();
    }

    @Test
    void embeddedPostgresKeepsItsDataDirectoryAcrossRestarts() throws Exception {
        Path data = tmp.resolve("pg");
        try (PostgresServer pg = PostgresServer.startEmbedded(data, 0, "dossier");
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())) {
            c.createStatement().execute("CREATE TABLE kept (v text)");
            c.createStatement().execute("INSERT INTO kept VALUES ('still here')");
        }
        try (PostgresServer pg = PostgresServer.startEmbedded(data, 0, "dossier");
             Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
             ResultSet rs = c.createStatement().executeQuery("SELECT v, current_setting('server_version_num') FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
            assertThat(Integer.parseInt(rs.getString(2))).isGreaterThanOrEqualTo(180000);
        }
    }

    @Test
    void theLaunchersServerIsDurableAndOnlyAnExplicitTestServerIsNot() throws Exception {
        try (PostgresServer pg = PostgresServer.startEmbedded(tmp.resolve("durable"), 0, "dossier")) {
            assertThat(durabilitySettings(pg)).containsExactly("on", "on", "on");
        }
        try (PostgresServer pg = PostgresServer.startEmbedded(null, 0, "dossier", PostgresServer.Durability.FAST_NOT_DURABLE)) {
            assertThat(durabilitySettings(pg)).containsExactly("off", "off", "off");
        }
    }

    private static List<String> durabilitySettings(PostgresServer pg) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
             ResultSet rs = c.createStatement().executeQuery("SELECT current_setting('fsync'), "
                     + "current_setting('synchronous_commit'), current_setting('full_page_writes')")) {
            rs.next();
            return List.of(rs.getString(1), rs.getString(2), rs.getString(3));
        }
    }
}
