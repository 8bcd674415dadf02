package org.dossier.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dossier.infra.KafkaBroker;
import org.dossier.infra.PostgresServer;

/**
 * The infrastructure process of a local stack: embedded PostgreSQL and a Kafka broker (its own child JVM), both
 * keeping their data under the data directory. Stops both on SIGTERM or SIGINT. When PostgreSQL dies on its own
 * (killed, crashed) this process exits too, so that {@code status} reports infra dead and {@code up} starts it again:
 * otherwise a live infra process would hide a dead database from both.
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
        AtomicBoolean postgresDied = new AtomicBoolean();
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true); // from here PostgreSQL's exit is ours, not a death to report
            broker.close();
            if (!postgresDied.get()) {
                postgres.close();
            }
            stopped.countDown();
        }, "infra-stop"));
        postmaster(data.resolve("postgres")).ifPresent(pg -> pg.onExit().thenRun(() -> {
            if (stopping.get()) {
                return;
            }
            postgresDied.set(true);
            System.out.println("ERROR PostgreSQL (pid " + pg.pid() + ") exited; infra stops so that ./dossier up starts it again");
            System.exit(1);
        }));
        System.out.println("infra ready: postgres " + postgres.jdbcUrl() + ", kafka " + broker.bootstrapServers());
        stopped.await();
    }

    /** PostgreSQL's server process, named by the first line of postmaster.pid in its data directory. */
    private static Optional<ProcessHandle> postmaster(Path pgData) {
        try {
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).strip()));
        } catch (IOException | RuntimeException e) {
            System.out.println("WARN cannot watch PostgreSQL's process: " + e);
            return Optional.empty();
        }
    }
}
