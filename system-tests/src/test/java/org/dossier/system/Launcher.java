package org.dossier.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dossier.infra.Ports;

/** Runs ./dossier as a user would, on ports and a data directory of the test's own. */
final class Launcher {

    record Result(int exitCode, String output) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final Path root = Path.of("..").toAbsolutePath().normalize();
    final Map<String, String> env = new HashMap<>();

    Launcher(Path dataDir) {
        env.put("DOSSIER_DATA_DIR", dataDir.toString());
        env.put("DOSSIER_GATEWAY_PORT", Integer.toString(Ports.free()));
        env.put("DOSSIER_ARTICLE_PORT", Integer.toString(Ports.free()));
        env.put("DOSSIER_ENTITY_PORT", Integer.toString(Ports.free()));
        env.put("DOSSIER_TIMELINE_PORT", Integer.toString(Ports.free()));
        env.put("DOSSIER_POSTGRES_PORT", Integer.toString(Ports.free()));
        env.put("DOSSIER_KAFKA_PORT", Integer.toString(Ports.free()));
        env.put("DOSSIER_KAFKA_CONTROLLER_PORT", Integer.toString(Ports.free()));
        env.put("JAVA_HOME", System.getProperty("java.home"));
    }

    int port(String part) {
        return Integer.parseInt(env.get("DOSSIER_" + part + "_PORT"));
    }

    Result run(String... args) {
        List<String> command = new ArrayList<>(List.of("/bin/bash", root.resolve("dossier").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().remove("DOSSIER_API_KEY");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("./dossier " + String.join(" ", args) + " did not finish");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A GraphQL query through the gateway, its answer (which must be 200, as GraphQL over HTTP answers a query). */
    JsonNode graphql(String query, Map<String, Object> variables) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port("GATEWAY") + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query, "variables", variables))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The pid of each running part, as the launcher records them. */
    Map<String, Long> pids() throws IOException {
        Map<String, Long> pids = new HashMap<>();
        for (String line : Files.readAllLines(dataDir().resolve("run/pids"))) {
            String[] f = line.split("\t");
            pids.put(f[0], Long.parseLong(f[1]));
        }
        return pids;
    }

    Path dataDir() {
        return Path.of(env.get("DOSSIER_DATA_DIR"));
    }

    static Path tempDataDir() {
        try {
            Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "stack-");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
