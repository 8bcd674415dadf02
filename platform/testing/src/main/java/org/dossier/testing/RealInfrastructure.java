package org.dossier.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.dossier.infra.KafkaBroker;
import org.dossier.infra.Ports;
import org.dossier.infra.PostgresServer;

/**
 * The real PostgreSQL and Kafka of one test JVM, started on first use and stopped when the JVM exits.
 *
 * <p>The embedded PostgreSQL of the tests is not durable (no fsync, no synchronous commit): its data is thrown away
 * with the JVM, and the tests run faster without waiting for disks. The launcher's server is durable.
 *
 * <p>By default both are started here (embedded PostgreSQL binaries, a Kafka broker in a child JVM). To test against
 * servers that run elsewhere, set {@code DOSSIER_TEST_JDBC_URL} (with {@code DOSSIER_TEST_DB_USER} and
 * {@code DOSSIER_TEST_DB_PASSWORD}) and/or {@code DOSSIER_TEST_KAFKA} (bootstrap servers).
 */
public final class RealInfrastructure {

    private static RealInfrastructure instance;

    private final PostgresServer postgres;
    private final KafkaBroker broker;
    private final String bootstrapServers;

    private RealInfrastructure(PostgresServer postgres, KafkaBroker broker, String bootstrapServers) {
        this.postgres = postgres;
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
    }

    public static synchronized RealInfrastructure get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "real-infrastructure-stop"));
        }
        return instance;
    }

    private static RealInfrastructure start() {
        Path work = workDirectory();
        String jdbc = System.getenv("DOSSIER_TEST_JDBC_URL");
        PostgresServer postgres = jdbc != null && !jdbc.isBlank()
                ? PostgresServer.external(jdbc, env("DOSSIER_TEST_DB_USER", "postgres"), env("DOSSIER_TEST_DB_PASSWORD", ""))
                : PostgresServer.startEmbedded(null, 0, "dossier", PostgresServer.Durability.FAST_NOT_DURABLE);
        String kafka = System.getenv("DOSSIER_TEST_KAFKA");
        if (kafka != null && !kafka.isBlank()) {
            return new RealInfrastructure(postgres, null, kafka);
        }
        KafkaBroker broker = KafkaBroker.start(KafkaBroker.locateHome(), work.resolve("kafka"), Ports.free(), Ports.free(),
                work.resolve("kafka.log"), Duration.ofSeconds(90));
        return new RealInfrastructure(postgres, broker, broker.bootstrapServers());
    }

    /** A fresh directory under target/ (kept after the run, so the broker's log can be read when a test fails). */
    private static Path workDirectory() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target.toAbsolutePath(), "real-infra-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    private void stop() {
        if (broker != null) {
            broker.close();
        }
        postgres.close();
    }
}
