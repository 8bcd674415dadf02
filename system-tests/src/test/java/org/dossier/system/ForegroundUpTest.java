package org.dossier.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dossier.infra.Ports;
import org.junit.jupiter.api.Test;

/** ./dossier up in the foreground: Ctrl-C (SIGINT) stops everything it started. */
class ForegroundUpTest {

    @Test
    void ctrlCStopsEveryPart() throws Exception {
        Launcher launcher = new Launcher(Launcher.tempDataDir());
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", launcher.root.resolve("dossier").toString(), "up")
                .directory(launcher.root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(launcher.env);
        Process up = builder.start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(up.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                if (line.startsWith("Press Ctrl-C")) {
                    break;
                }
            }
            assertThat(output).as(String.join("\n", output)).anyMatch(l -> l.startsWith("Dossier is up."));
            assertThat(launcher.run("status").exitCode()).isZero();

            // The script execs java, so this pid is the launcher itself: the same signal a terminal's Ctrl-C sends.
            new ProcessBuilder("kill", "-INT", Long.toString(up.pid())).start().waitFor();
            assertThat(up.waitFor(2, TimeUnit.MINUTES)).as("the launcher exits after Ctrl-C").isTrue();
        } finally {
            if (up.isAlive()) {
                up.destroyForcibly();
                launcher.run("down");
            }
        }
        assertThat(launcher.run("status").exitCode()).isEqualTo(3);
        for (String part : new String[] {"GATEWAY", "ARTICLE", "ENTITY", "TIMELINE", "POSTGRES", "KAFKA"}) {
            assertThat(Ports.accepting(launcher.port(part))).as(part + " port closed").isFalse();
        }
    }
}
