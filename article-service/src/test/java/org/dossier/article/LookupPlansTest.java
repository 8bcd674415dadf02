package org.dossier.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.dossier.testing.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

/**
 * A store starts empty and grows. A statement prepared while the article table was tiny must not keep the plan made
 * for it then: PostgreSQL's generic plan for the duplicate lookup on a near-empty table scans it whole, and a cached
 * plan is kept however large the table grows. That once made each single post scan every stored article (35–98 ms per
 * post at 50,000–100,000 articles, during a bulk load).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
class LookupPlansTest {

    private static final int GROWTH = 5_000;

    @Inject
    AgroalDataSource database;

    @Test
    void singlePostsLookUpDuplicatesByIndexAfterTheStoreHasGrown() throws Exception {
        String run = UUID.randomUUID().toString();
        // Enough posts for every pooled connection to run the statements more than five times: the driver then prepares
        // them on the server, and PostgreSQL weighs a generic plan after five custom ones.
        for (int i = 0; i < 40; i++) {
            post(run, "before-" + i);
        }
        try {
            grow(run);
            Scans before = settledScans();
            for (int i = 0; i < 3; i++) {
                post(run, "after-" + i);
            }
            Scans after = settledScans();
            assertThat(after.index()).as("index scans of the article table by three single posts").isGreaterThanOrEqualTo(before.index() + 3);
            assertThat(after.sequential()).as("sequential scans of the article table by three single posts")
                    .isEqualTo(before.sequential());
        } finally {
            execute("DELETE FROM article WHERE source = 'lookup-plans-" + run + "'");
        }
    }

    private static void post(String run, String name) {
        given().contentType("application/json")
                .body("{\"text\": \"Officials reviewed gallium export licences, note " + name + " of run " + run
                        + ".\", \"url\": \"https://plans.example.org/" + run + "/" + name + "\", \"source\": \"lookup-plans-"
                        + run + "\"}")
                .post("/api/articles").then().statusCode(201);
    }

    /**
     * Rows written directly, as a bulk load would leave them, before autovacuum analyses the table: an analysis
     * invalidates cached plans, but during a load it comes seldom.
     */
    private void grow(String run) throws SQLException {
        execute("""
                INSERT INTO article (id, text, url, source, content_hash, received_at, published_at)
                SELECT gen_random_uuid(), 'filler ' || g, 'https://plans.example.org/%1$s/filler/' || g, 'lookup-plans-%1$s',
                       encode(sha256(('%1$s' || g)::bytea), 'hex'), now(), timestamptz '1990-01-01'
                FROM generate_series(1, %2$d) g""".formatted(run, GROWTH));
    }

    private record Scans(long sequential, long index) {
    }

    private Scans scans() throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq_scan, idx_scan FROM pg_stat_user_tables "
                        + "WHERE schemaname = current_schema() AND relname = 'article'")) {
            rs.next();
            return new Scans(rs.getLong(1), rs.getLong(2));
        }
    }

    /**
     * Statistics reach other sessions when the reporting backend flushes them: at once if a second has passed since its
     * last flush, otherwise when it has been idle for ten seconds. So counts are read once they have not moved for longer.
     */
    private Scans settledScans() throws Exception {
        Scans last = scans();
        long stableSince = System.nanoTime();
        while (System.nanoTime() - stableSince < 11_000_000_000L) {
            Thread.sleep(500);
            Scans now = scans();
            if (!now.equals(last)) {
                last = now;
                stableSince = System.nanoTime();
            }
        }
        return last;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
