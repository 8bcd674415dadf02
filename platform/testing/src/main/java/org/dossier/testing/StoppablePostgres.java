package org.dossier.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dossier.infra.Ports;
import org.dossier.infra.PostgresServer;

/**
 * A PostgreSQL server of a test's own, which the test stops and starts again to see an outage and the recovery from
 * it; the shared one of {@link RealInfrastructure} stays up for the other tests. Kafka is the shared broker. Use
 * with {@code @TestProfile(StoppablePostgres.Profile.class)}.
 */
public final class StoppablePostgres {

    private static Path dataDir;
    private static int port;
    private static PostgresServer server;

    private StoppablePostgres() {
    }

    /** Stops the server as an operator's fast shutdown would: every connection to it is closed. */
    public static synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Starts it again on the same port and data directory, so the service finds its data where it left it. */
    public static synchronized void start() {
        if (server == null) {
            server = PostgresServer.startEmbedded(dataDir, port, "dossier");
        }
    }

    /** The test resource: this server instead of the shared one, and the shared broker. */
    public static class Resource implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            synchronized (StoppablePostgres.class) {
                try {
                    Path target = Path.of("target");
                    Files.createDirectories(target);
                    dataDir = Files.createTempDirectory(target.toAbsolutePath(), "stoppable-postgres-");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                port = Ports.free();
                StoppablePostgres.start();
                return Map.of(
                        "quarkus.datasource.jdbc.url", server.jdbcUrl(),
                        "quarkus.datasource.username", server.user(),
                        "quarkus.datasource.password", server.password(),
                        "kafka.bootstrap.servers", RealInfrastructure.get().bootstrapServers());
            }
        }

        @Override
        public void stop() {
            StoppablePostgres.stop();
        }
    }

    /** Runs a test class with {@link Resource} only, not the global {@link RealInfrastructureResource}. */
    public static class Profile implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Resource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }
}
