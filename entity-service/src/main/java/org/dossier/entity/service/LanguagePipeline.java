package org.dossier.entity.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.dossier.entity.config.LanguageConfig;
import org.dossier.language.extract.ArticleAnalyzer;
import org.dossier.language.knowledge.KnowledgeBase;
import org.dossier.language.model.Analysis;
import org.dossier.language.nlp.CoreNlpEngine;
import org.jboss.logging.Logger;

/** The language pipeline of this process: models loaded once, shared by all consumer threads. */
@Singleton
public class LanguagePipeline {

    private static final Logger LOG = Logger.getLogger(LanguagePipeline.class);

    private final LanguageConfig config;
    private volatile ArticleAnalyzer analyzer;
    private volatile CoreNlpEngine engine;

    LanguagePipeline(LanguageConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.eagerLoad()) {
            analyzer();
        }
    }

    /** Whether the models are in memory (a read-only instance never loads them unless asked to re-analyse). */
    public boolean loaded() {
        return analyzer != null;
    }

    public Analysis analyze(String text, List<ArticleAnalyzer.Range> ranges, LocalDate published, String title) {
        return analyzer().analyze(text, ranges, published, title);
    }

    private ArticleAnalyzer analyzer() {
        ArticleAnalyzer a = analyzer;
        if (a == null) {
            synchronized (this) {
                if (analyzer == null) {
                    long start = System.nanoTime();
                    KnowledgeBase kb = config.knowledgeDir().map(d -> KnowledgeBase.withOverrides(Path.of(d)))
                            .orElseGet(KnowledgeBase::builtIn);
                    engine = new CoreNlpEngine();
                    analyzer = new ArticleAnalyzer(engine, kb);
                    LOG.infof("language pipeline ready in %d ms: %s", (System.nanoTime() - start) / 1_000_000, engine.describe());
                }
                a = analyzer;
            }
        }
        return a;
    }
}
