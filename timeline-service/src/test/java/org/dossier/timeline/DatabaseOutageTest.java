package org.dossier.timeline;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.dossier.testing.StoppablePostgres;
import org.junit.jupiter.api.Test;

/** PostgreSQL stopped under timeline-service (a real server, its own), then started again: what the gateway sees. */
@QuarkusTest
@TestProfile(StoppablePostgres.Profile.class)
class DatabaseOutageTest {

    @Test
    void theInternalApiAnswers503NamingPostgresWithRetryAfterDuringAnOutageAnd200AfterIt() throws Exception {
        StoppablePostgres.assertUnavailableThen200("/internal/timeline");
    }
}
