package org.dossier.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One process of the local stack.
 *
 * @param healthUrl where readiness is asked; null for the infrastructure process, which is ready when its ports accept
 */
record Part(String name, List<String> command, Map<String, String> environment, String healthUrl, List<Integer> ports) {

    Path logFile(StackConfig config) {
        return config.logDir().resolve(name + ".log");
    }
}
