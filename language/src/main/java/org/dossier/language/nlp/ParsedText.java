package org.dossier.language.nlp;

import java.util.List;

/** The engine's analysis of one text: its sentences in order. */
public record ParsedText(String text, List<Sentence> sentences) {

    public int tokenCount() {
        return sentences.stream().mapToInt(s -> s.tokens().size()).sum();
    }
}
