package org.dossier.language.extract;

import org.dossier.language.knowledge.KnowledgeBase;
import org.dossier.language.model.Analysis;
import org.dossier.language.nlp.CoreNlpEngine;

import java.time.LocalDate;

/** One real engine for every rule test of the run: the models take seconds to load and hold no state between texts. */
final class TestAnalyzer {

    static final LocalDate PUBLISHED = LocalDate.of(2025, 6, 20);

    private static ArticleAnalyzer analyzer;

    private TestAnalyzer() {
    }

    static synchronized ArticleAnalyzer get() {
        if (analyzer == null) {
            analyzer = new ArticleAnalyzer(new CoreNlpEngine(), KnowledgeBase.builtIn());
        }
        return analyzer;
    }

    /** The text analysed as an article published on {@link #PUBLISHED}, all of it body. */
    static Analysis analyze(String text) {
        return get().analyze(text, null, PUBLISHED);
    }
}
