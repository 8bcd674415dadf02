package org.dossier.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback port helpers. */
public final class Ports {
    private Ports() {
    }

    /** Where free ports are looked for: from here up to the start of the kernel's ephemeral range. */
    static final int LOWEST = 10_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    /**
     * A port nothing listens on, below the kernel's range of ephemeral ports. A port handed out by {@code new
     * ServerSocket(0)} comes from that range, which outgoing connections also draw from: a service that binds it seconds
     * later, after connecting to Kafka and PostgreSQL, could find one of those connections on it (a system test failed
     * so, with "port in use").
     */
    public static int free() {
        int below = ephemeralStart();
        if (below - LOWEST >= 1_000) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int attempt = 0; attempt < 100; attempt++) {
                int port = LOWEST + random.nextInt(below - LOWEST);
                if (bindable(port)) {
                    return port;
                }
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** The first port of the kernel's ephemeral range (Linux), or the usual 32768 where it cannot be read. */
    static int ephemeralStart() {
        try {
            // Files.readString gave "3" of "32768\t60999" here (a /proc file reports a size of 0); lines are read whole.
            return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean accepting(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until something accepts on the port, or fails naming what did not come up. */
    public static void awaitAccepting(int port, Duration timeout, String what, Process process) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (accepting(port)) {
                return;
            }
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(what + " exited with code " + process.exitValue() + " before listening on port " + port);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
        throw new IllegalStateException(what + " did not listen on port " + port + " within " + timeout.toSeconds() + " s");
    }
}
