package org.dossier.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.dossier.infra.KafkaBroker;
import org.dossier.infra.PostgresServer;

/**
 * The infrastructure process of a local stack: embedded PostgreSQL and a Kafka broker (its own child JVM), both
 * keeping their data under the data directory. Stops both on SIGTERM or SIGINT.
 *
 * <p>Usage: {@code InfraMain <data-dir> <postgres-port> <kafka-port> <kafka-controller-port> <kafka-home>}
 */
public final class InfraMain {
    private InfraMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of(args[0]);
        PostgresServer postgres = PostgresServer.startEmbedded(data.resolve("postgres"), Integer.parseInt(args[1]), "dossier");
        KafkaBroker broker;
        try {
            broker = KafkaBroker.start(Path.of(args[4]), data.resolve("kafka"), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    data.resolve("logs/kafka.log"), Duration.ofSeconds(90));
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            postgres.close();
            stopped.countDown();
        }, "infra-stop"));
        System.out.println("infra ready: postgres " + postgres.jdbcUrl() + ", kafka " + broker.bootstrapServers());
        stopped.await();
    }
}
