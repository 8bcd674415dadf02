package org.dossier.entity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The language pipeline's settings (prefix {@code dossier.language}). */
@ConfigMapping(prefix = "dossier.language")
public interface LanguageConfig {

    /** A directory whose knowledge files replace the built-in ones of the same name (see language/.../knowledge/README.md). */
    Optional<String> knowledgeDir();

    /** Longer bodies are not analysed: the article is reported failed with this limit as the reason. */
    @WithDefault("400000")
    int maxTextChars();

    /** Languages the rules and models handle; others are recorded with a note and no findings. */
    @WithDefault("en")
    java.util.Set<String> languages();

    /** Load the models at startup rather than on the first article (readiness then waits for them). */
    @WithDefault("true")
    boolean eagerLoad();
}
