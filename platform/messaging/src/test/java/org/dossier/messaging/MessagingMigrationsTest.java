package org.dossier.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The messaging tables' migrations (0.x) sort below every service's own (1..n). A later one reaches databases that
 * already have the service's versions, as in any deployment upgraded from before it, and must be applied there.
 */
@QuarkusTest
class MessagingMigrationsTest {

    @Test
    void aLaterMessagingVersionIsAppliedToADatabaseThatHasTheServicesOwnVersions() throws SQLException {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getValue("quarkus.datasource.password", String.class);
        String schema = "upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

        // A database from before version 0.2: the messaging tables at 0.1, then the service's own version 1.
        Flyway.configure().dataSource(url, user, password).schemas(schema).locations("classpath:db/messaging").target("0.1")
                .load().migrate();
        Flyway.configure().dataSource(url, user, password).schemas(schema).locations("classpath:db/migration")
                .ignoreMigrationPatterns("*:missing").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
            s.execute("INSERT INTO outbox_event (event_id, topic, message_key, event_type, envelope, published_at) VALUES "
                    + "(gen_random_uuid(), 't', 'published', 'e', '{}', now()), (gen_random_uuid(), 't', 'waiting', 'e', '{}', null)");
        }

        // What a service does when it starts, with the locations and settings it is configured with.
        FluentConfiguration atStart = Flyway.configure().dataSource(url, user, password).schemas(schema)
                .locations(config.getValue("quarkus.flyway.locations", String[].class))
                .outOfOrder(config.getOptionalValue("quarkus.flyway.out-of-order", Boolean.class).orElse(false));
        atStart.load().migrate();

        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + schema);
            try (ResultSet rs = s.executeQuery("SELECT message_key FROM outbox_event")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("the event not yet published stays, to be relayed").isEqualTo("waiting");
                assertThat(rs.next()).as("the published one is gone").isFalse();
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.columns WHERE table_schema = '"
                    + schema + "' AND table_name = 'outbox_event' AND column_name = 'published_at'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
