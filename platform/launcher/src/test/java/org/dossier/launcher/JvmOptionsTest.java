package org.dossier.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JvmOptionsTest {

    @Test
    void withoutVariablesEachServiceGetsItsDefaults() {
        assertThat(JvmOptions.of("gateway", Map.of())).containsExactly("-Xms1g", "-Xmx1g", "-Xmn640m", "-XX:+UseParallelGC", "-Xss512k");
        assertThat(JvmOptions.of("timeline-service", Map.of())).containsExactly("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-Xss512k");
        assertThat(JvmOptions.of("article-service", Map.of()))
                .containsExactly("-Xms256m", "-Xmx384m", "-Xmn128m", "-XX:+UseSerialGC", "-Xss512k");
    }

    @Test
    void appendedOptionsKeepTheDefaultsAndComeAfterThem() {
        assertThat(JvmOptions.of("timeline-service", Map.of("DOSSIER_TIMELINE_SERVICE_JAVA_OPTS_APPEND",
                " -XX:FlightRecorderOptions:stackdepth=512  -Xmx1g ")))
                .containsExactly("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-Xss512k", "-XX:FlightRecorderOptions:stackdepth=512", "-Xmx1g");
    }

    @Test
    void optionsReplaceTheDefaultsOfThatServiceOnly() {
        Map<String, String> environment = Map.of("DOSSIER_ENTITY_SERVICE_JAVA_OPTS", "-Xmx2g -XX:+UseParallelGC",
                "DOSSIER_ENTITY_SERVICE_JAVA_OPTS_APPEND", "-Xss1m");
        assertThat(JvmOptions.of("entity-service", environment)).containsExactly("-Xmx2g", "-XX:+UseParallelGC", "-Xss1m");
        assertThat(JvmOptions.of("article-service", environment)).contains("-XX:+UseSerialGC");
    }
}
