package org.dossier.article.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "dossier.ingest")
public interface IngestConfig {

    /** Accepted API keys for ingest; several at once so a key can be rotated. Empty: ingest is open (dev, test). */
    Optional<List<String>> apiKeys();

    /** Largest accepted text in UTF-8 bytes; larger answers 413. */
    @WithDefault("1048576")
    int maxTextBytes();
}
