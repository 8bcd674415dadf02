package org.dossier.language.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the engine hands to the rules: tokens with tags, and the basic UD dependency graph. */
class CoreNlpEngineTest {

    private static CoreNlpEngine engine;

    @BeforeAll
    static void loadModels() {
        engine = new CoreNlpEngine();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static int indexOf(Sentence s, String word) {
        return s.tokens().stream().filter(t -> t.text().equals(word)).findFirst().orElseThrow().index();
    }

    @Test
    void aSentenceGetsItsBasicDependencyGraph() {
        Sentence s = engine.parse("Minister Lena Halvorsen said the controls on gallium would stay.", LocalDate.of(2025, 6, 20))
                .sentences().get(0);
        int said = indexOf(s, "said");
        int stay = indexOf(s, "stay");
        int gallium = indexOf(s, "gallium");
        assertThat(s.head(said)).isEqualTo(-1);
        assertThat(s.children(said, "nsubj")).containsExactly(indexOf(s, "Halvorsen"));
        assertThat(s.children(said, "ccomp")).containsExactly(stay);
        // Basic, not enhanced: the preposition stays a case marker instead of becoming part of the relation (nmod:on).
        assertThat(s.relationOf(gallium)).isEqualTo("nmod");
        assertThat(s.children(gallium, "case")).containsExactly(indexOf(s, "on"));
        assertThat(s.dependencies()).hasSize(s.tokens().size());
    }

    @Test
    void aSentenceLongerThanTheParserLimitIsTaggedButNotParsed() {
        StringBuilder text = new StringBuilder("The list of items named");
        for (int i = 0; i < CoreNlpEngine.MAX_PARSED_SENTENCE_TOKENS / 2; i++) {
            text.append(" gallium, germanium,"); // four tokens each time
        }
        text.append(" germanium.");
        ParsedText parsed = engine.parse(text.toString() + "\nWang said the list was long.", null);
        Sentence longOne = parsed.sentences().get(0);
        assertThat(longOne.tokens()).hasSizeGreaterThan(CoreNlpEngine.MAX_PARSED_SENTENCE_TOKENS);
        assertThat(longOne.tokens().get(0).pos()).isEqualTo("DT");
        assertThat(longOne.dependencies()).isEmpty();
        assertThat(parsed.sentences().get(1).dependencies()).isNotEmpty();
    }
}
