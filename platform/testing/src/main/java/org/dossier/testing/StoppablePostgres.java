package org.dossier.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.common.http.TestHTTPResourceManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    /**
     * What every service's REST API must do across an outage, asserted on a GET of {@code path} of the service under
     * test: 200 with the server up; stopped, 503 problem+json naming PostgreSQL with Retry-After; started again, 200
     * (asked until it is not 503, for up to 30 s: the pool opens new connections as they are needed).
     */
    public static void assertUnavailableThen200(String path) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest get = HttpRequest.newBuilder(URI.create(TestHTTPResourceManager.getUri() + path)).GET().build();
        expect(http.send(get, HttpResponse.BodyHandlers.ofString()), 200, "before the outage");
        stop();
        try {
            HttpResponse<String> during = expect(http.send(get, HttpResponse.BodyHandlers.ofString()), 503, "during the outage");
            if (!during.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                    || !during.headers().firstValue("Retry-After").orElse("").equals("5")
                    || !during.body().contains("\"dependency\":\"PostgreSQL\"")) {
                throw new AssertionError("during the outage: not a problem naming PostgreSQL with Retry-After: 5: "
                        + during.headers().map() + " " + during.body());
            }
        } finally {
            start();
        }
        HttpResponse<String> after = http.send(get, HttpResponse.BodyHandlers.ofString());
        for (int attempt = 0; attempt < 60 && after.statusCode() == 503; attempt++) {
            Thread.sleep(500);
            after = http.send(get, HttpResponse.BodyHandlers.ofString());
        }
        expect(after, 200, "after the outage");
    }

    private static HttpResponse<String> expect(HttpResponse<String> answer, int status, String when) {
        if (answer.statusCode() != status) {
            throw new AssertionError(when + ": expected " + status + ", got " + answer.statusCode() + " " + answer.body());
        }
        return answer;
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
