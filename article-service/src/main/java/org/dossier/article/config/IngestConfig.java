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

    /**
     * Estimated Jaccard similarity of word 3-grams above which an article is stored as a near duplicate of an earlier
     * one (a reprint with small edits scores 0.7 to 0.95; two reports of the same event, below 0.2). Set high: a wrong
     * duplicate hides an article's statements, a missed one only counts them twice.
     */
    @WithDefault("0.7")
    double nearDuplicateThreshold();

    /**
     * Chunks of bulk uploads (100 lines each) in the database at once, across all uploads. Each keeps a PostgreSQL
     * backend busy; single posts wait behind them for a core.
     */
    @WithDefault("2")
    int bulkChunksAtOnce();
}
