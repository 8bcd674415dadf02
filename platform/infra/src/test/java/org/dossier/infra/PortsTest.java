package org.dossier.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aFreePortIsBelowTheEphemeralRangeAndCanBeBound() throws IOException {
        int ephemeral = Ports.ephemeralStart();
        assertThat(ephemeral).isGreaterThan(Ports.LOWEST);
        for (int i = 0; i < 50; i++) {
            int port = Ports.free();
            assertThat(port).isBetween(Ports.LOWEST, ephemeral - 1);
            try (ServerSocket socket = new ServerSocket(port)) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void aPortInUseIsNotHandedOut() throws IOException {
        try (ServerSocket taken = new ServerSocket(Ports.free())) {
            for (int i = 0; i < 200; i++) {
                assertThat(Ports.free()).isNotEqualTo(taken.getLocalPort());
            }
        }
    }
}
