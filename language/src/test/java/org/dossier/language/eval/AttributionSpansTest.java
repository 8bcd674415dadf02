package org.dossier.language.eval;

import org.dossier.language.model.Span;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Our content spans as PolNeAR's scheme draws them, on sentences of our own. */
class AttributionSpansTest {

    private static String widened(String text, String content) {
        int at = text.indexOf(content);
        Span s = AttributionSpans.polnearContent(text, new Span(at, at + content.length()));
        return text.substring(s.start(), s.end());
    }

    @Test
    void indirectSpeechOpensWithItsComplementiser() {
        assertThat(widened("The minister said that the talks had failed.", "the talks had failed"))
                .isEqualTo("that the talks had failed");
        assertThat(widened("The minister said the talks had failed.", "the talks had failed")).isEqualTo("the talks had failed");
    }
}
