package org.dossier.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from the embedded binaries on Maven Central (PostgreSQL 18, runs as root without setup),
 * or an external server given by JDBC URL. Either way it hands out a JDBC URL of a database that exists.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres embedded;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private PostgresServer(EmbeddedPostgres embedded, String jdbcUrl, String user, String password) {
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Whether a commit survives a crash of the server or of the machine. */
    public enum Durability {
        /** PostgreSQL's defaults: a commit returns once its WAL is flushed to disk, so an answered commit stays. */
        DURABLE,
        /**
         * For test JVMs only, whose databases are thrown away: no fsync, no wait for the WAL flush, no full-page
         * images. A crash of the server may lose commits it has answered, or corrupt the cluster.
         */
        FAST_NOT_DURABLE
    }

    /**
     * Starts an embedded, durable server (what {@code ./dossier up} runs).
     *
     * @param dataDir kept between runs when not null; a throw-away directory otherwise
     * @param port 0 for any free port
     */
    public static PostgresServer startEmbedded(Path dataDir, int port, String database) {
        return startEmbedded(dataDir, port, database, Durability.DURABLE);
    }

    /** As {@link #startEmbedded(Path, int, String)}, with the durability chosen by the caller. */
    public static PostgresServer startEmbedded(Path dataDir, int port, String database, Durability durability) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port == 0 ? Ports.free() : port)
                    .setServerConfig("max_connections", "200")
                    // The default 128 MB cannot hold the article LSH index of a 100,000-article bulk load; pages are
                    // only taken as they are used.
                    .setServerConfig("shared_buffers", "512MB");
            // Set both ways: a data directory kept from an older run may have the other settings in its own config.
            String durable = durability == Durability.DURABLE ? "on" : "off";
            builder.setServerConfig("fsync", durable)
                    .setServerConfig("synchronous_commit", durable)
                    .setServerConfig("full_page_writes", durable);
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres pg = builder.start();
            String url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + database;
            createDatabaseIfMissing("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres", USER, PASSWORD, database);
            return new PostgresServer(pg, url, USER, PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    /** Uses a server that runs elsewhere; nothing is started or stopped. */
    public static PostgresServer external(String jdbcUrl, String user, String password) {
        return new PostgresServer(null, jdbcUrl, user, password);
    }

    private static void createDatabaseIfMissing(String adminUrl, String user, String password, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be a plain identifier: " + database);
        }
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public int port() {
        return embedded == null ? -1 : embedded.getPort();
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
            }
        }
    }
}
