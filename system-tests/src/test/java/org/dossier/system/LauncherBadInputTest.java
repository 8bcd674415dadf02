package org.dossier.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.dossier.infra.Ports;
import org.junit.jupiter.api.Test;

/** Bad input to ./dossier: one clear line, a non-zero exit, nothing left running. */
class LauncherBadInputTest {

    private final Launcher launcher = new Launcher(Launcher.tempDataDir());

    @Test
    void anUnknownVerbIsOneLineAndExit2() {
        Launcher.Result result = launcher.run("launch");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output().strip().lines()).singleElement().asString().startsWith("dossier: unknown command 'launch'");
    }

    @Test
    void anIngestPathThatDoesNotExistIsNamed() {
        Launcher.Result result = launcher.run("ingest", "no/such/file.txt");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output().strip()).isEqualTo("dossier: no such file or folder: no/such/file.txt");
    }

    @Test
    void aMissingJdkIsNamed() {
        launcher.env.put("JAVA_HOME", ""); // empty, not removed: the child would inherit this JVM's JAVA_HOME
        launcher.env.put("PATH", launcher.dataDir().toString()); // no java, and nothing else, on the PATH
        Launcher.Result result = launcher.run("status");
        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output().strip()).startsWith("dossier: no JDK found");
    }

    @Test
    void aPortInUseIsNamedAndNothingIsLeftRunning() throws Exception {
        try (ServerSocket taken = new ServerSocket(launcher.port("GATEWAY"), 1, InetAddress.getLoopbackAddress())) {
            Launcher.Result result = launcher.run("up", "--detach");
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.output()).contains("port " + launcher.port("GATEWAY") + " (gateway) is already in use")
                    .contains("DOSSIER_GATEWAY_PORT");
        }
        assertThat(launcher.run("status").exitCode()).as("nothing was started").isEqualTo(3);
        assertThat(Ports.accepting(launcher.port("POSTGRES"))).isFalse();
    }
}
