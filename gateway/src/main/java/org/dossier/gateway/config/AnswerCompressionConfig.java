package org.dossier.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whole answers sent gzipped to clients that accept it (see {@code http/AnswerEncoding}). */
@ConfigMapping(prefix = "dossier.gateway.answer-compression")
@io.quarkus.arc.Unremovable
public interface AnswerCompressionConfig {

    /** Off: every answer is sent as written, whatever the client's {@code Accept-Encoding}. */
    @WithDefault("true")
    boolean enabled();

    /** Answers shorter than this are sent as written: gzip's header and the client's work cost more than they save. */
    @WithDefault("1K")
    MemorySize minSize();

    /**
     * Deflate level, 1 to 9. On the flagship answer (817 KB): level 1 gives 76 KB in 2 ms, level 6 gives 63 KB in
     * 5 ms (development machine, one thread). A stored answer is compressed once; a computed one for each client.
     */
    @WithDefault("1")
    int level();
}
