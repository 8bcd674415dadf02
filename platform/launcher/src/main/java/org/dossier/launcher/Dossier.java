package org.dossier.launcher;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/** {@code ./dossier up [--detach] | down [--purge] | restart PART | status | ingest PATH...} */
public final class Dossier {

    static final String USAGE = "usage: ./dossier up [--detach] | down [--purge] | restart PART | status | ingest PATH...";

    private Dossier() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("dossier.root", ".")).toAbsolutePath().normalize();
        try {
            System.exit(run(root, List.of(args)));
        } catch (LauncherException e) {
            System.err.println("dossier: " + e.getMessage());
            System.exit(e.exitCode());
        }
    }

    static int run(Path root, List<String> args) {
        if (args.isEmpty()) {
            throw new LauncherException(USAGE, 2);
        }
        StackConfig config = StackConfig.fromEnvironment(root, System.getenv());
        Stack stack = new Stack(config);
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "up" -> up(config, stack, options(rest, "--detach").contains("--detach"));
            case "down" -> down(config, stack, options(rest, "--purge").contains("--purge"));
            case "restart" -> restart(stack, rest);
            case "status" -> status(config, stack, options(rest));
            case "ingest" -> ingest(config, stack, rest);
            case "help", "--help", "-h" -> {
                System.out.println(USAGE);
                yield 0;
            }
            default -> throw new LauncherException("unknown command '" + args.get(0) + "'; " + USAGE, 2);
        };
    }

    private static List<String> options(List<String> given, String... allowed) {
        for (String option : given) {
            if (!List.of(allowed).contains(option)) {
                throw new LauncherException("unknown option '" + option + "'; " + USAGE, 2);
            }
        }
        return given;
    }

    private static int up(StackConfig config, Stack stack, boolean detach) {
        long started = System.nanoTime();
        String apiKey = stack.apiKey(true);
        System.out.println("Starting Dossier (data in " + config.dataDir() + ", logs in " + config.logDir() + ") ...");
        Stack.Up up = stack.up(apiKey);
        if (up.started().isEmpty()) {
            System.out.println("Dossier is already running and answering (gateway at http://localhost:" + config.gatewayPort()
                    + "/graphql); nothing to start. Stop it with ./dossier down");
            return 0;
        }
        if (!up.left().isEmpty()) {
            System.out.println("Left running: " + up.left().stream().map(Stack.RunningPart::name).toList()
                    + "; started: " + up.started().stream().map(Stack.RunningPart::name).toList());
        }
        // Ctrl-C stops what this up started, not what an earlier one did.
        List<Stack.RunningPart> parts = up.started();
        CountDownLatch stopped = new CountDownLatch(1);
        if (!detach) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("\nStopping Dossier ...");
                stack.stop(parts);
                stack.rewritePids();
                stopped.countDown();
            }, "dossier-down"));
        }
        System.out.printf("Healthy in %.1f s. Loading the demo articles in samples/ ...%n", (System.nanoTime() - started) / 1e9);
        Path samples = config.root().resolve("samples");
        if (Files.isDirectory(samples)) {
            new Ingester(ingestUri(config), apiKey, System.out).ingest(List.of(samples));
        }
        System.out.println();
        System.out.println("Dossier is up. GraphQL: http://localhost:" + config.gatewayPort() + "/graphql"
                + "  (GraphiQL: http://localhost:" + config.gatewayPort() + "/q/graphql-ui/)");
        System.out.println("Ingest: http://localhost:" + config.articlePort() + "/api/articles  (API key in "
                + (System.getenv("DOSSIER_API_KEY") != null ? "DOSSIER_API_KEY" : config.apiKeyFile()) + ")");
        if (detach) {
            System.out.println("Stop it with ./dossier down");
            return 0;
        }
        System.out.println("Press Ctrl-C to stop.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int down(StackConfig config, Stack stack, boolean purge) {
        List<Stack.RunningPart> parts = stack.running().orElse(List.of());
        if (parts.isEmpty()) {
            System.out.println("Dossier is not running.");
        } else {
            stack.stop(parts);
            System.out.println("Stopped " + parts.size() + " processes.");
        }
        stack.deletePids();
        if (purge && Files.exists(config.dataDir())) {
            try (Stream<Path> walk = Files.walk(config.dataDir())) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException e) {
                throw new LauncherException("cannot delete " + config.dataDir() + ": " + e.getMessage());
            }
            System.out.println("Deleted " + config.dataDir());
        }
        return 0;
    }

    /** Stops one part if it runs and starts it again; exit 0 once it is healthy (and the stack answers, if whole). */
    private static int restart(Stack stack, List<String> args) {
        if (args.size() != 1 || !Stack.PARTS.contains(args.get(0))) {
            throw new LauncherException("restart needs one part: " + String.join(", ", Stack.PARTS) + "; " + USAGE, 2);
        }
        String name = args.get(0);
        long started = System.nanoTime();
        System.out.println("Restarting " + name + " ...");
        Stack.RunningPart part = stack.restart(name, stack.apiKey(true));
        System.out.printf("%s is up again (pid %d) in %.1f s.%n", name, part.process().pid(), (System.nanoTime() - started) / 1e9);
        return 0;
    }

    /**
     * Exit 0 when every part is up and healthy, 3 when Dossier is not running, 1 when a part is unhealthy, not
     * running or dead; a dead part is named with the reason its log gives.
     */
    private static int status(StackConfig config, Stack stack, List<String> options) {
        List<Stack.Recorded> recorded = stack.recorded();
        if (recorded.isEmpty()) {
            System.out.println("Dossier is not running.");
            return 3;
        }
        boolean anyAlive = false;
        boolean healthy = true;
        for (String name : Stack.PARTS) {
            Stack.Recorded r = recorded.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
            if (r == null) {
                System.out.printf("%-17s %-12s NOT RUNNING (./dossier up starts it)%n", name, "");
                healthy = false;
                continue;
            }
            if (r.running().isEmpty()) {
                System.out.printf("%-17s pid %-8d DIED: %s%n", name, r.pid(), Stack.deathReason(r.logFile()));
                healthy = false;
                continue;
            }
            anyAlive = true;
            Stack.RunningPart part = r.running().get();
            String state;
            if (part.healthUrl() == null) {
                boolean ok = org.dossier.infra.Ports.accepting(config.postgresPort()) && org.dossier.infra.Ports.accepting(config.kafkaPort());
                state = ok ? "UP (postgres :" + config.postgresPort() + ", kafka :" + config.kafkaPort() + ")" : "DOWN";
                healthy &= ok;
            } else {
                int code = stack.health(part.healthUrl());
                state = code == 200 ? "UP" : code == 0 ? "NOT ANSWERING" : "DOWN (" + code + ")";
                healthy &= code == 200;
            }
            System.out.printf("%-17s pid %-8d %s%n", part.name(), part.process().pid(), state);
        }
        if (!anyAlive) {
            System.out.println("Dossier is not running.");
            return 3;
        }
        if (!healthy) {
            System.out.println("./dossier up starts the parts that are not running; ./dossier restart PART restarts one.");
        }
        return healthy ? 0 : 1;
    }

    private static int ingest(StackConfig config, Stack stack, List<String> paths) {
        if (paths.isEmpty()) {
            throw new LauncherException("ingest needs at least one file or folder; " + USAGE, 2);
        }
        int rejected = new Ingester(ingestUri(config), stack.apiKey(false), System.out).ingest(Ingester.paths(paths));
        return rejected == 0 ? 0 : 1;
    }

    private static URI ingestUri(StackConfig config) {
        String url = System.getenv("DOSSIER_INGEST");
        return URI.create(url != null && !url.isBlank() ? url : "http://127.0.0.1:" + config.articlePort() + "/api/articles");
    }
}
