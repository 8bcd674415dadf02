package org.dossier.article.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The seed articles, read from shared/corpus/seeds beside the project (never copied into it). */
public final class SeedCorpus {
    private SeedCorpus() {
    }

    public static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path seeds = dir.resolve("shared/corpus/seeds");
            if (Files.isDirectory(seeds)) {
                return seeds;
            }
        }
        throw new IllegalStateException("shared/corpus/seeds not found beside the project: the seed corpus is needed by this test");
    }

    /** The text of the seed whose file name starts with the prefix, e.g. "002_". */
    public static String text(String prefix) {
        try (var files = Files.list(directory())) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".txt"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no seed " + prefix));
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
