package org.dossier.language.extract;

import org.dossier.language.model.Analysis;
import org.dossier.language.model.Statement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Texts no writer means but a feed delivers: each is analysed to the end without an exception, and what comes out
 * points into the text.
 */
class BadTextTest {

    private static Analysis analyzed(String text) {
        Analysis a = TestAnalyzer.analyze(text);
        for (Statement s : a.statements()) {
            assertThat(s.span().start()).isBetween(0, text.length());
            assertThat(s.span().end()).isBetween(s.span().start(), text.length());
            if (s.contentSpan() != null) {
                assertThat(s.contentSpan().end()).isLessThanOrEqualTo(text.length());
            }
        }
        return a;
    }

    @Test
    void unbalancedQuotationMarks() {
        analyzed("The minister said: \u201cThe duties stay. \u201cNothing changes,\" he added. \u201d \u201d \" \u00ab Talks resume.");
    }

    @Test
    void aSentenceOfTenThousandWordsWithoutAFullStop() {
        analyzed("the minister said that " + "the duties will stay and ".repeat(2_000));
    }

    @Test
    void aTextThatIsOneLongQuote() {
        Analysis a = analyzed("\u201c" + "We will keep the duties on steel in place for as long as it takes. ".repeat(300) + "\u201d");
        // No one is named as saying it: a quote without attribution is nobody's statement.
        assertThat(a.statements()).isEmpty();
    }

    @Test
    void quotesNestedTwentyDeep() {
        analyzed("He said " + "\u201cshe said \u2018".repeat(20) + "the duties stay" + "\u2019\u201d".repeat(20) + ".");
    }

    @Test
    void aTranscriptWithFiveHundredSpeakerLabels() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            text.append(i % 2 == 0 ? "Q: Will the duties stay?\n" : "MS. RUIZ: They will stay until the review ends.\n");
        }
        Analysis a = analyzed(text.toString());
        assertThat(a.statements()).noneMatch(s -> s.content().contains("Will the duties stay"));
    }
}
