package org.dossier.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Memory of the local stack's processes, read from /proc: the proportional set size (PSS), resident memory with each
 * shared page divided among the processes that share it, so that PostgreSQL's backends, which all map the same shared
 * buffers, add up to what they really hold. The launcher marks each service with {@code -Ddossier.part=NAME} (instances
 * of one part are summed); the Kafka broker is known by its main class and PostgreSQL by its process name.
 */
final class Footprint {

    private static final String MARKER = "-Ddossier.part=";

    private final Map<String, Long> peakKib = new ConcurrentHashMap<>();

    /** Resident KiB of every marked process now, by part name (instances of one part summed). */
    static Map<String, Long> residentKib() {
        Map<String, Long> byPart = new TreeMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String part = partOf(p);
                    if (part != null) {
                        byPart.merge(part, pssKib(p), Long::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended while we read it
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return byPart;
    }

    private static String partOf(Path process) throws IOException {
        if (Files.readString(process.resolve("comm")).strip().equals("postgres")) {
            return "postgresql";
        }
        String command = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        if (command.contains("org.dossier.kafka.BrokerMain")) {
            return "kafka";
        }
        int at = command.indexOf(MARKER);
        return at < 0 ? null : command.substring(at + MARKER.length()).split(" ", 2)[0];
    }

    private static long pssKib(Path process) throws IOException {
        for (String line : Files.readAllLines(process.resolve("smaps_rollup"))) {
            if (line.startsWith("Pss:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    /** Samples now and keeps the highest figure per part. */
    void sample() {
        residentKib().forEach((part, kib) -> peakKib.merge(part, kib, Math::max));
    }

    Map<String, Long> peaksKib() {
        return new TreeMap<>(peakKib);
    }

    static String describe(Map<String, Long> kib) {
        StringBuilder out = new StringBuilder();
        long total = 0;
        for (Map.Entry<String, Long> e : kib.entrySet()) {
            out.append(String.format("%s %,d MiB, ", e.getKey(), e.getValue() / 1024));
            total += e.getValue();
        }
        return out.append(String.format("total %,d MiB", total / 1024)).toString();
    }
}
