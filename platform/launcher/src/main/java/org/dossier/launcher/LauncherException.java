package org.dossier.launcher;

/** A failure the user can act on: printed as one line, with a non-zero exit. */
public class LauncherException extends RuntimeException {
    private final int exitCode;

    public LauncherException(String message) {
        this(message, 1);
    }

    public LauncherException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
