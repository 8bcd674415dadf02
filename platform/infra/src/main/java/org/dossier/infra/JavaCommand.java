package org.dossier.infra;

import java.nio.file.Path;

/** The java executable of the running JVM, so children run on the same JDK as their parent. */
public final class JavaCommand {
    private JavaCommand() {
    }

    public static String current() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
