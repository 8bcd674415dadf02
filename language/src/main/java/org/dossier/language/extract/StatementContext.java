package org.dossier.language.extract;

import org.dossier.language.model.Span;
import org.dossier.language.nlp.ParsedText;
import org.dossier.language.nlp.Sentence;

import java.util.List;

/**
 * What a {@link StatementRule} reads: the parsed text, the entities found in it, and who the article's title names as
 * speaking (a transcript headed "MOFCOM Spokesperson's Remarks"), or null.
 */
record StatementContext(ParsedText parsed, ArticleEntities entities, SpeakerRef titleSpeaker) {

    String text() {
        return parsed.text();
    }

    List<Sentence> sentences() {
        return parsed.sentences();
    }

    /** The sentence holding a character offset, or null between sentences. */
    Sentence sentenceAt(int offset) {
        List<Sentence> all = parsed.sentences();
        int lo = 0;
        int hi = all.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Sentence s = all.get(mid);
            if (offset < s.begin()) {
                hi = mid - 1;
            } else if (offset >= s.end()) {
                lo = mid + 1;
            } else {
                return s;
            }
        }
        return null;
    }

    /** The first sentence that ends after the offset (the one holding it, or the next). */
    int sentenceIndexFrom(int offset) {
        List<Sentence> all = parsed.sentences();
        int lo = 0;
        int hi = all.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (all.get(mid).end() <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the token of a sentence that covers or follows an offset, or the sentence's size. */
    static int tokenAt(Sentence s, int offset) {
        for (int i = 0; i < s.tokens().size(); i++) {
            if (s.token(i).end() > offset) {
                return i;
            }
        }
        return s.tokens().size();
    }

    static Span tokenSpan(Sentence s, int first, int last) {
        return new Span(s.token(first).begin(), s.token(last).end());
    }
}
