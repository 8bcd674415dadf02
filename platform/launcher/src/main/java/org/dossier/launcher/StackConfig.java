package org.dossier.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the stack lives and listens. Every value can be set by an environment variable (documented in the README).
 */
public record StackConfig(Path root, Path dataDir, int gatewayPort, int articlePort, int entityPort, int timelinePort,
        int postgresPort, int kafkaPort, int kafkaControllerPort) {

    public static StackConfig fromEnvironment(Path root, Map<String, String> env) {
        Path data = Path.of(env.getOrDefault("DOSSIER_DATA_DIR", root.resolve(".dossier").toString())).toAbsolutePath();
        return new StackConfig(root, data,
                port(env, "DOSSIER_GATEWAY_PORT", 8080),
                port(env, "DOSSIER_ARTICLE_PORT", 8081),
                port(env, "DOSSIER_ENTITY_PORT", 8082),
                port(env, "DOSSIER_TIMELINE_PORT", 8083),
                port(env, "DOSSIER_POSTGRES_PORT", 5433),
                port(env, "DOSSIER_KAFKA_PORT", 9092),
                port(env, "DOSSIER_KAFKA_CONTROLLER_PORT", 9093));
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new LauncherException(name + " must be a port number (1-65535), not '" + value + "'");
        }
    }

    public Path runDir() {
        return dataDir.resolve("run");
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path apiKeyFile() {
        return dataDir.resolve("api-key");
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/dossier";
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }
}
