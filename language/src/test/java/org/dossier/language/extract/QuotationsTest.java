package org.dossier.language.extract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding quotations by character, without the engine. */
class QuotationsTest {

    private static List<String> inner(String text) {
        return Quotations.find(text).stream().map(q -> text.substring(q.inner().start(), q.inner().end())).toList();
    }

    @Test
    void everyKindOfMarkOpensAQuotation() {
        assertThat(inner("He said “curly words here” and \"straight words here\" too.")).containsExactly("curly words here", "straight words here");
        assertThat(inner("Elle a dit «des mots entre guillemets» hier.")).containsExactly("des mots entre guillemets");
        assertThat(inner("他说「这是引号」。")).containsExactly("这是引号");
        assertThat(inner("She called it ‘a fair deal’, then left.")).containsExactly("a fair deal");
    }

    @Test
    void anApostropheDoesNotCloseASingleQuote() {
        assertThat(inner("The minister said ‘the country’s exports will grow’ this year.")).containsExactly("the country’s exports will grow");
    }

    @Test
    void aQuoteOverParagraphsGoesOnWhereTheNextParagraphOpensWithAMark() {
        String text = "“First paragraph of the quote.\n\n“Second paragraph of it,” she said.";
        assertThat(inner(text)).containsExactly("First paragraph of the quote.\n\n“Second paragraph of it,");
    }

    @Test
    void anUnbalancedMarkEndsWithItsParagraph() {
        String text = "“This quote never closes\n\nThe author goes on here.";
        assertThat(inner(text)).containsExactly("This quote never closes");
    }

    @Test
    void nestedQuotesAreInsideTheOuterOne() {
        String text = "“He told us ‘never again’ twice,” she said.";
        assertThat(inner(text)).containsExactly("He told us ‘never again’ twice,");
    }

    @Test
    void deepNestingAndLongTextsStayLinear() {
        String deep = "“a ".repeat(20) + "core" + " b”".repeat(20);
        assertThat(inner(deep)).hasSize(1);
        String noStop = "word ".repeat(10_000) + "“open but never closed";
        assertThat(inner(noStop)).hasSize(1);
    }
}
