package org.dossier.language.nlp;

import java.time.LocalDate;

/**
 * The NLP engine behind the extraction rules: sentences, tokens with character offsets, POS tags, lemmas, named
 * entity tags, normalised time expressions and a dependency parse. The rules only see {@link ParsedText}, so the
 * engine (CoreNLP today) can be swapped without touching them.
 */
public interface LanguageEngine extends AutoCloseable {

    /**
     * Parses the text. Character offsets in the result point into {@code text} itself.
     *
     * @param referenceDate the date relative time expressions ("last month", "next Monday") are resolved against:
     *                      the publication date of the article.
     */
    ParsedText parse(String text, LocalDate referenceDate);

    /** A short description of the engine and its configuration, for logs and benchmark reports. */
    String describe();

    @Override
    default void close() {
    }
}
