package org.dossier.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JVM options the launcher gives each service. {@code DOSSIER_<SERVICE>_JAVA_OPTS} replaces the defaults (say, to
 * choose another collector, which cannot be combined with the default one); {@code DOSSIER_<SERVICE>_JAVA_OPTS_APPEND}
 * adds to whatever is in force, as {@code JAVA_OPTS_APPEND} does in the Kubernetes images: a profiling flag then keeps
 * the heap and collector the service is measured with. A later option of the same kind wins, so the append can also
 * override one default, e.g. {@code -Xmx2g}.
 */
final class JvmOptions {

    private JvmOptions() {
    }

    /** The defaults, with the reason for each in a comment. */
    static String defaults(String service) {
        // entity-service holds the language models (about 1.4 GB resident); G1 because ParallelGC thrashes there (FACTS.md).
        // The gateway builds whole answers in memory (the flagship query with first: 20 is 0.8 MB of JSON): with a
        // 384 MB serial heap it spent half its time collecting; 1 GB and the parallel collector nearly double its rate.
        // Each answer's garbage dies young: with a 640 MB young generation its full collections fell from 14 to 3 in
        // the same load and its rate rose from 6.7-6.8 to 7.2-8.1 queries/s (bench/README.md, Gateway under load).
        // article-service holds up to four bulk chunks (text, parsed article, row, event) across young collections: with
        // a 21 MB young generation they reached the old one, and a full collection of about 60 ms every 5 s during a bulk
        // load held a single post in a hundred. 128 MB: no full collection in a warm 100,000-article load, and single
        // posts' p99 during it fell from 90 to 50 ms (bench/README.md, Bulk ingest).
        return switch (service) {
            case "entity-service" -> "-Xms256m -Xmx3g -XX:+UseG1GC";
            case "gateway" -> "-Xms1g -Xmx1g -Xmn640m -XX:+UseParallelGC -Xss512k";
            case "article-service" -> "-Xms256m -Xmx384m -Xmn128m -XX:+UseSerialGC -Xss512k";
            default -> "-Xms64m -Xmx384m -XX:+UseSerialGC -Xss512k";
        };
    }

    static List<String> of(String service, Map<String, String> environment) {
        String variable = "DOSSIER_" + service.toUpperCase().replace('-', '_') + "_JAVA_OPTS";
        List<String> options = new ArrayList<>(split(environment.getOrDefault(variable, defaults(service))));
        options.addAll(split(environment.getOrDefault(variable + "_APPEND", "")));
        return options;
    }

    private static List<String> split(String options) {
        String trimmed = options.trim();
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
    }
}
