package org.dossier.language.extract;

import org.dossier.language.model.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * The outermost quotations of a text, by character: curly and straight double quotes, guillemets, corner brackets,
 * and single curly quotes where they cannot be apostrophes. Marks inside a quotation are its own business (nested
 * quotes are not tracked, so any depth costs the same). A quotation still open at the end of a paragraph continues
 * when the next paragraph opens with a quotation mark, as in a quote over several paragraphs; otherwise it ends
 * with the paragraph (an unbalanced mark never swallows the rest of the text).
 */
final class Quotations {

    /** One quotation: {@code outer} from the opening mark to the closing one, {@code inner} between them. */
    record Quotation(Span outer, Span inner) {
    }

    private static final String OPENING = "“\"«「『‘";

    private Quotations() {
    }

    static List<Quotation> find(String text) {
        List<Quotation> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (!opens(text, i)) {
                i++;
                continue;
            }
            int open = i;
            char close = closing(c);
            int j = i + 1;
            int end = -1;
            while (j < n) {
                char d = text.charAt(j);
                if (d == close && closes(text, j, c)) {
                    end = j;
                    break;
                }
                if (d == '\n') {
                    int next = j;
                    while (next < n && Character.isWhitespace(text.charAt(next))) {
                        next++;
                    }
                    if (next < n && isSameKindOpening(text.charAt(next), c)) {
                        j = next + 1; // the quote goes on in the next paragraph
                        continue;
                    }
                    end = -2;
                    break;
                }
                j++;
            }
            if (end == -2 || end == -1) {
                // Unbalanced: the quotation ends with its paragraph (or the text), without a closing mark.
                int paragraphEnd = end == -1 ? n : j;
                while (paragraphEnd > open + 1 && Character.isWhitespace(text.charAt(paragraphEnd - 1))) {
                    paragraphEnd--;
                }
                if (paragraphEnd > open + 1) {
                    out.add(new Quotation(new Span(open, paragraphEnd), new Span(open + 1, paragraphEnd)));
                }
                i = Math.max(paragraphEnd, open + 1);
                continue;
            }
            if (end > open + 1) {
                out.add(new Quotation(new Span(open, end + 1), new Span(open + 1, end)));
            }
            i = end + 1;
        }
        return out;
    }

    private static boolean opens(String text, int i) {
        char c = text.charAt(i);
        if (OPENING.indexOf(c) < 0) {
            return false;
        }
        if (c == '"' || c == '‘') {
            // Straight and single marks open only after a space, an opening bracket, a dash or at the start.
            if (i > 0) {
                char before = text.charAt(i - 1);
                if (!(Character.isWhitespace(before) || "([{—–-/:".indexOf(before) >= 0 || OPENING.indexOf(before) >= 0)) {
                    return false;
                }
            }
            return i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1));
        }
        return true;
    }

    private static boolean closes(String text, int j, char opening) {
        if (opening == '‘' || opening == '"') {
            // ’ is also the apostrophe ("China’s"): a closing mark is not followed by a letter.
            return j + 1 >= text.length() || !Character.isLetter(text.charAt(j + 1));
        }
        return true;
    }

    private static char closing(char opening) {
        return switch (opening) {
            case '“' -> '”';
            case '«' -> '»';
            case '「' -> '」';
            case '『' -> '』';
            case '‘' -> '’';
            default -> '"';
        };
    }

    private static boolean isSameKindOpening(char c, char opening) {
        return c == opening || (opening == '“' && c == '"') || (opening == '"' && c == '“');
    }
}
