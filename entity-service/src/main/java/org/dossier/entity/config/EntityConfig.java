package org.dossier.entity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** entity-service's own settings (prefix {@code dossier.entity}). */
@ConfigMapping(prefix = "dossier.entity")
public interface EntityConfig {

    /**
     * What this instance does; the same code in every role. The role's effects are set in application.properties
     * (whether it consumes {@code article.events}, whether it loads the models at startup).
     */
    @WithDefault("all")
    Role role();

    /** Documents re-analysed per transaction. */
    @WithDefault("50")
    int reanalysisBatchSize();

    enum Role {
        /** Consumes and analyses articles, and answers the read API: one process for everything (local runs). */
        all,
        /** Consumes and analyses articles; its read API is only for operators (re-analysis). */
        analysis,
        /** Answers the gateway's reads; consumes nothing, loads the models only if asked to re-analyse. */
        read
    }
}
