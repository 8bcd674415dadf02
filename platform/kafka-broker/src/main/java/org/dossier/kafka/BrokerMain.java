package org.dossier.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Runs a single-node KRaft broker (broker and controller in one process).
 *
 * <p>Usage: {@code BrokerMain <data-dir> <port> <controller-port>}. The data directory is formatted on first start and
 * reused afterwards. Standard input is the lifeline: when the parent closes it (or dies), the broker shuts down, so no
 * orphan broker outlives the JVM that started it.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: BrokerMain <data-dir> <port> <controller-port>");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        Files.createDirectories(dataDir);

        Path config = writeConfig(dataDir, port, controllerPort);
        Path logDir = dataDir.resolve("log");
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            // Kafka's own generator: its ids never start with '-', which the storage tool would read as an option.
            String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
            // StorageTool.execute formats without calling System.exit.
            kafka.tools.StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config.toString(),
                "--ignore-formatted"}, new PrintStream(System.out, true));
        }
        watchLifeline(System.in);
        kafka.Kafka.main(new String[] {config.toString()});
    }

    private static Path writeConfig(Path dataDir, int port, int controllerPort) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("log").toString());
        // One node: every internal topic has a single replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics appear on first use; four partitions lets two consumers of a group share the work.
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", "4");
        // ArticleStored carries the article text (up to the 1 MiB ingest limit, more once JSON-escaped).
        p.put("message.max.bytes", "5242880");
        p.put("log.retention.hours", "168");
        Path config = dataDir.resolve("server.properties");
        Properties props = new Properties();
        props.putAll(p);
        try (Writer w = Files.newBufferedWriter(config)) {
            props.store(w, "written by BrokerMain; rewritten at every start");
        }
        return config;
    }

    private static void watchLifeline(InputStream lifeline) {
        Thread watcher = new Thread(() -> {
            try {
                while (lifeline.read() >= 0) {
                    // Anything the parent writes is ignored; only end of stream matters.
                }
            } catch (IOException ignored) {
                // A broken pipe means the parent is gone, same as end of stream.
            }
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(15_000);
                } catch (InterruptedException ignored) {
                    // exiting anyway
                }
                Runtime.getRuntime().halt(1);
            }, "lifeline-deadline");
            killer.setDaemon(true);
            killer.start();
            System.exit(0);
        }, "lifeline");
        watcher.setDaemon(true);
        watcher.start();
    }
}
