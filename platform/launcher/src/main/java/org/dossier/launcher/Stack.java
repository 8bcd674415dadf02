package org.dossier.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dossier.infra.JavaCommand;
import org.dossier.infra.KafkaBroker;
import org.dossier.infra.Ports;

/** Starts, stops and inspects the local stack: one infrastructure process and the four services. */
final class Stack {

    /** Marks our processes' command lines, so that down never signals a process it did not start. */
    static final String MARKER = "-Ddossier.part=";
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(180);

    private final StackConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Stack(StackConfig config) {
        this.config = config;
    }

    /** The parts, in the order they start: the infrastructure first, the gateway last. */
    static final List<String> PARTS = List.of("infra", "article-service", "entity-service", "timeline-service", "gateway");

    /** What an up found running and what it started; the parts running after it are both. */
    record Up(List<RunningPart> left, List<RunningPart> started) {
        List<RunningPart> all() {
            List<RunningPart> all = new ArrayList<>(left);
            all.addAll(started);
            return ordered(all);
        }
    }

    /**
     * Starts every part that is not running, leaving those that run alone, and waits until every part is healthy
     * and the gateway answers a query with data from all three services. On any failure stops what it started.
     */
    Up up(String apiKey) {
        List<RunningPart> running = running().orElse(List.of());
        List<String> runningNames = running.stream().map(RunningPart::name).toList();
        List<Part> missing = parts(apiKey).stream().filter(p -> !runningNames.contains(p.name())).toList();
        requirePortsFree(missing);
        mkdirs(config.logDir());
        mkdirs(config.runDir());
        List<RunningPart> started = new ArrayList<>();
        try {
            for (Part part : missing) {
                started.add(start(part));
                writePids(new Up(running, started).all());
                if (part.healthUrl() == null) {
                    awaitPorts(part, started);
                }
            }
            Up up = new Up(running, started);
            awaitHealthy(up.all());
            awaitAnswering(up.all());
            return up;
        } catch (RuntimeException e) {
            stop(started);
            rewritePids();
            throw e;
        }
    }

    /** Stops one part (if it runs) and starts it again; waits until it is healthy, and the stack answers if it is whole. */
    RunningPart restart(String name, String apiKey) {
        Part part = parts(apiKey).stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        List<RunningPart> others = new ArrayList<>();
        for (RunningPart p : running().orElse(List.of())) {
            if (p.name().equals(name)) {
                stop(List.of(p));
            } else {
                others.add(p);
            }
        }
        requirePortsFree(List.of(part));
        mkdirs(config.logDir());
        mkdirs(config.runDir());
        RunningPart started = start(part);
        List<RunningPart> all = new ArrayList<>(others);
        all.add(started);
        writePids(ordered(all));
        try {
            if (part.healthUrl() == null) {
                awaitPorts(part, List.of(started));
            } else {
                awaitHealthy(List.of(started));
            }
            if (all.size() == PARTS.size()) {
                awaitAnswering(all);
            }
            return started;
        } catch (RuntimeException e) {
            stop(List.of(started));
            rewritePids();
            throw e;
        }
    }

    private void requirePortsFree(List<Part> parts) {
        for (Part part : parts) {
            for (int port : part.ports()) {
                if (Ports.accepting(port)) {
                    throw new LauncherException("port " + port + " (" + part.name() + ") is already in use; set "
                            + portVariable(part.name(), port) + " to another port");
                }
            }
        }
    }

    private void awaitPorts(Part infra, List<RunningPart> watched) {
        for (int port : infra.ports()) {
            Ports.awaitAccepting(port, Duration.ofSeconds(120), "infrastructure (log: " + infra.logFile(config) + ")", null);
            requireAlive(watched);
        }
    }

    /**
     * Healthy is not yet able to answer: each service is ready on its own, but the gateway's answer needs all three.
     * A query that reaches each of them, asked until it is answered without an error entry.
     */
    private void awaitAnswering(List<RunningPart> parts) {
        URI graphql = URI.create("http://127.0.0.1:" + config.gatewayPort() + "/graphql");
        HttpRequest query = HttpRequest.newBuilder(graphql).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(READINESS_QUERY)).build();
        long deadline = System.nanoTime() + HEALTH_TIMEOUT.toNanos();
        String last = "no answer";
        while (true) {
            requireAlive(parts);
            try {
                HttpResponse<String> answer = http.send(query, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && !answer.body().contains("\"errors\"")) {
                    return;
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LauncherException("interrupted");
            }
            if (System.nanoTime() > deadline) {
                throw new LauncherException("every part is healthy but the gateway does not answer after "
                        + HEALTH_TIMEOUT.toSeconds() + " s: " + last + " (log: " + config.logDir().resolve("gateway.log") + ")");
            }
            sleep(250);
        }
    }

    /** articles from article-service, entities from entity-service, the timeline from timeline-service. */
    private static final String READINESS_QUERY = "{\"query\":\"{ articles(first: 1) { totalCount } "
            + "entities(first: 1) { totalCount } timeline(first: 1) { totalCount } }\"}";

    private static List<RunningPart> ordered(List<RunningPart> parts) {
        return parts.stream().sorted(java.util.Comparator.comparingInt(p -> PARTS.indexOf(p.name()))).toList();
    }

    /** The pid file rewritten with the parts that still run. */
    void rewritePids() {
        List<RunningPart> alive = running().orElse(List.of()).stream().filter(p -> p.process().isAlive()).toList();
        if (alive.isEmpty()) {
            deletePids();
        } else {
            writePids(alive);
        }
    }

    private String portVariable(String part, int port) {
        return switch (part) {
            case "gateway" -> "DOSSIER_GATEWAY_PORT";
            case "article-service" -> "DOSSIER_ARTICLE_PORT";
            case "entity-service" -> "DOSSIER_ENTITY_PORT";
            case "timeline-service" -> "DOSSIER_TIMELINE_PORT";
            default -> port == config.postgresPort() ? "DOSSIER_POSTGRES_PORT"
                    : port == config.kafkaPort() ? "DOSSIER_KAFKA_PORT" : "DOSSIER_KAFKA_CONTROLLER_PORT";
        };
    }

    private List<Part> parts(String apiKey) {
        Path root = config.root();
        List<Part> parts = new ArrayList<>();
        String launcherClasspath = root.resolve("platform/launcher/target/launcher.jar") + ":"
                + root.resolve("platform/launcher/target/lib") + "/*";
        parts.add(new Part("infra", List.of(JavaCommand.current(), MARKER + "infra", "-Xmx128m", "-XX:+UseSerialGC",
                "-cp", launcherClasspath, InfraMain.class.getName(), config.dataDir().toString(),
                Integer.toString(config.postgresPort()), Integer.toString(config.kafkaPort()),
                Integer.toString(config.kafkaControllerPort()), KafkaBroker.locateHome().toString()), Map.of(), null,
                List.of(config.postgresPort(), config.kafkaPort())));
        Map<String, String> common = Map.of(
                "DOSSIER_DB_URL", config.jdbcUrl(),
                "DOSSIER_DB_USER", "postgres",
                "DOSSIER_DB_PASSWORD", "postgres",
                "DOSSIER_KAFKA_BOOTSTRAP", config.kafkaBootstrap());
        parts.add(service("article-service", config.articlePort(), merge(common, Map.of("DOSSIER_API_KEYS", apiKey))));
        parts.add(service("entity-service", config.entityPort(), common));
        parts.add(service("timeline-service", config.timelinePort(), common));
        parts.add(service("gateway", config.gatewayPort(), Map.of(
                "DOSSIER_ARTICLE_SERVICE_URL", "http://127.0.0.1:" + config.articlePort(),
                "DOSSIER_ENTITY_SERVICE_URL", "http://127.0.0.1:" + config.entityPort(),
                "DOSSIER_TIMELINE_SERVICE_URL", "http://127.0.0.1:" + config.timelinePort(),
                "DOSSIER_KAFKA_BOOTSTRAP", config.kafkaBootstrap())));
        return parts;
    }

    private Part service(String name, int port, Map<String, String> env) {
        Path jar = config.root().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new LauncherException(name + " is not built (" + jar + " is missing); run ./mvnw package -DskipTests");
        }
        List<String> command = new ArrayList<>(List.of(JavaCommand.current(), MARKER + name));
        command.addAll(JvmOptions.of(name, System.getenv()));
        command.addAll(List.of("-jar", jar.toString()));
        return new Part(name, command, merge(env, Map.of("QUARKUS_HTTP_PORT", Integer.toString(port))),
                "http://127.0.0.1:" + port + "/q/health/ready", List.of(port));
    }

    private RunningPart start(Part part) {
        List<String> command = new ArrayList<>(part.command());
        // Own session: a Ctrl-C in the terminal reaches the launcher only, which then stops the parts in order.
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add(0, "/usr/bin/setsid");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(part.logFile(config).toFile()));
        builder.environment().putAll(part.environment());
        try {
            Process process = builder.start();
            return new RunningPart(part.name(), process.toHandle(), part.healthUrl(), part.logFile(config));
        } catch (IOException e) {
            throw new LauncherException("cannot start " + part.name() + ": " + e.getMessage());
        }
    }

    private void awaitHealthy(List<RunningPart> parts) {
        long deadline = System.nanoTime() + HEALTH_TIMEOUT.toNanos();
        List<RunningPart> waiting = new ArrayList<>(parts.stream().filter(p -> p.healthUrl() != null).toList());
        while (!waiting.isEmpty()) {
            requireAlive(parts);
            waiting.removeIf(p -> health(p.healthUrl()) == 200);
            if (System.nanoTime() > deadline) {
                throw new LauncherException("not healthy after " + HEALTH_TIMEOUT.toSeconds() + " s: "
                        + waiting.stream().map(p -> p.name() + " (log: " + p.logFile() + ")").collect(Collectors.joining(", ")));
            }
            sleep(250);
        }
    }

    private void requireAlive(List<RunningPart> parts) {
        for (RunningPart part : parts) {
            if (!part.process().isAlive()) {
                throw new LauncherException(part.name() + " exited during start-up; last lines of " + part.logFile() + ":\n"
                        + tail(part.logFile(), 15));
            }
        }
    }

    int health(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Stops the given parts, services first and infrastructure last, each gracefully, then forcibly. */
    void stop(List<RunningPart> parts) {
        List<RunningPart> services = parts.stream().filter(p -> !p.name().equals("infra")).toList();
        services.forEach(p -> p.process().destroy());
        services.forEach(Stack::awaitExit);
        parts.stream().filter(p -> p.name().equals("infra")).forEach(p -> {
            p.process().destroy();
            awaitExit(p);
        });
    }

    private static void awaitExit(RunningPart part) {
        try {
            part.process().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            part.process().destroyForcibly();
        }
    }

    /** A part the pid file names: running, or dead since it was started (its pid gone or reused). */
    record Recorded(String name, long pid, Optional<RunningPart> running, Path logFile) {
    }

    /** Every part the pid file names, in start order. */
    List<Recorded> recorded() {
        List<RunningPart> running = running().orElse(List.of());
        List<Recorded> recorded = new ArrayList<>();
        for (String[] f : pidLines()) {
            Optional<RunningPart> alive = running.stream().filter(p -> p.name().equals(f[0])).findFirst();
            recorded.add(new Recorded(f[0], Long.parseLong(f[1]), alive, config.logDir().resolve(f[0] + ".log")));
        }
        return recorded.stream().sorted(java.util.Comparator.comparingInt(r -> PARTS.indexOf(r.name()))).toList();
    }

    private List<String[]> pidLines() {
        Path pids = config.runDir().resolve("pids");
        if (!Files.exists(pids)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(pids)) {
            return lines.map(l -> l.split("\t")).filter(f -> f.length >= 2).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Why a part died, as its log tells: the last error line (a JVM's last words, an exception, an ERROR entry), or,
     * when there is none (killed from outside), its last line.
     */
    static String deathReason(Path log) {
        List<String> lines = tail(log, 200).lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return "its log " + log + " is empty";
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.matches("(?i).*(level=(ERROR|FATAL)|\\bERROR\\b|\\bFATAL\\b|Exception|OutOfMemoryError|Error:).*")) {
                return shorten(line) + " (" + log + ")";
            }
        }
        return "no error in its log, so probably killed; its last line: " + shorten(lines.get(lines.size() - 1)) + " (" + log + ")";
    }

    private static String shorten(String line) {
        String stripped = line.strip();
        return stripped.length() <= 400 ? stripped : stripped.substring(0, 400) + " …";
    }

    /** The parts a previous up started that still run; empty when the stack is down. */
    Optional<List<RunningPart>> running() {
        Path pids = config.runDir().resolve("pids");
        if (!Files.exists(pids)) {
            return Optional.empty();
        }
        List<RunningPart> parts = new ArrayList<>();
        try (Stream<String> lines = Files.lines(pids)) {
            for (String line : lines.toList()) {
                String[] f = line.split("\t");
                if (f.length < 2) {
                    continue;
                }
                String name = f[0];
                ProcessHandle.of(Long.parseLong(f[1]))
                        .filter(h -> h.info().commandLine().map(c -> c.contains(MARKER + name)).orElse(false))
                        .ifPresent(h -> parts.add(new RunningPart(name, h, f.length > 2 && !f[2].isEmpty() ? f[2] : null,
                                config.logDir().resolve(name + ".log"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(parts);
    }

    void writePids(List<RunningPart> parts) {
        String content = parts.stream().map(p -> p.name() + "\t" + p.process().pid() + "\t" + (p.healthUrl() == null ? "" : p.healthUrl()))
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.writeString(config.runDir().resolve("pids"), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void deletePids() {
        try {
            Files.deleteIfExists(config.runDir().resolve("pids"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ingest key: DOSSIER_API_KEY if set, else the one kept in the data directory, made on first use. */
    String apiKey(boolean create) {
        String fromEnv = System.getenv("DOSSIER_API_KEY");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        Path file = config.apiKeyFile();
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            if (!create) {
                return null;
            }
            mkdirs(config.dataDir());
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String key = "dk_" + HexFormat.of().formatHex(random);
            Files.writeString(file, key + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> merged = new LinkedHashMap<>(a);
        merged.putAll(b);
        return merged;
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }

    record RunningPart(String name, ProcessHandle process, String healthUrl, Path logFile) {
    }
}
