package org.dossier.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Hands the real PostgreSQL and Kafka of this test JVM to a {@code @QuarkusTest}. Use with
 * {@code @QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)}.
 */
public class RealInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        RealInfrastructure infra = RealInfrastructure.get();
        return Map.of(
                "quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(),
                "quarkus.datasource.username", infra.postgres().user(),
                "quarkus.datasource.password", infra.postgres().password(),
                "kafka.bootstrap.servers", infra.bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; stopped by a shutdown hook when the JVM exits.
    }
}
