package org.dossier.infra;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node KRaft Kafka broker in a child JVM, started from the libraries that platform/kafka-broker copies
 * to its {@code target/} directory. The child's standard input is its lifeline: closing it, or this JVM dying, stops
 * the broker.
 */
public final class KafkaBroker implements AutoCloseable {

    /** System property or environment variable naming the directory holding kafka-broker.jar and lib/. */
    public static final String HOME_PROPERTY = "dossier.kafka.home";
    public static final String HOME_ENV = "DOSSIER_KAFKA_HOME";

    private final Process process;
    private final OutputStream lifeline;
    private final int port;

    private KafkaBroker(Process process, int port) {
        this.process = process;
        this.lifeline = process.getOutputStream();
        this.port = port;
    }

    /**
     * Starts a broker and waits until it accepts connections.
     *
     * @param dataDir formatted on first use, kept afterwards
     * @param logFile where the broker's output goes
     */
    public static KafkaBroker start(Path kafkaHome, Path dataDir, int port, int controllerPort, Path logFile, Duration timeout) {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            List<String> command = new ArrayList<>(List.of(JavaCommand.current(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                    "-Djava.awt.headless=true",
                    "-cp", kafkaHome.resolve("kafka-broker.jar") + File.pathSeparator + kafkaHome.resolve("lib") + File.separator + "*",
                    "org.dossier.kafka.BrokerMain", dataDir.toAbsolutePath().toString(),
                    Integer.toString(port), Integer.toString(controllerPort)));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            KafkaBroker broker = new KafkaBroker(process, port);
            try {
                Ports.awaitAccepting(port, timeout, "Kafka broker (log: " + logFile + ")", process);
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker", e);
        }
    }

    /** Finds the broker libraries: the system property, the environment, or platform/kafka-broker/target above the working directory. */
    public static Path locateHome() {
        String configured = System.getProperty(HOME_PROPERTY, System.getenv(HOME_ENV));
        if (configured != null && !configured.isBlank()) {
            return requireBuilt(Path.of(configured));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("platform/kafka-broker/target");
            if (Files.isDirectory(candidate.resolve("lib"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Kafka broker libraries not found: build platform/kafka-broker (./mvnw package) or set "
                + HOME_PROPERTY);
    }

    private static Path requireBuilt(Path home) {
        if (!Files.isRegularFile(home.resolve("kafka-broker.jar")) || !Files.isDirectory(home.resolve("lib"))) {
            throw new IllegalStateException("no Kafka broker build in " + home + " (expected kafka-broker.jar and lib/)");
        }
        return home;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Closes the lifeline and waits for a clean shutdown; kills the broker if it takes too long. */
    @Override
    public void close() {
        try {
            lifeline.close();
        } catch (IOException ignored) {
            // the child is gone already
        }
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
