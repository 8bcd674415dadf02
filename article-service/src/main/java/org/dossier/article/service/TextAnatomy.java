package org.dossier.article.service;

import java.util.ArrayList;
import java.util.List;

/**
 * What raw article text is made of, as character ranges into the stored text: the title line, the original URL, the
 * parts that are not the article's own words (links, disclaimers, related-link lists) and passages that repeat an
 * earlier one. The {@link #analysisRanges()} are what the language analysis reads; offsets stay those of the stored
 * text, so spans found in the analysed parts point into what the user sees.
 *
 * @param title the title line, or null when the text starts with the body
 * @param originalUrl from "Original article: URL", or null
 * @param publishedHint a phrase of the text that suggests when it was written ("today (June 10)"), or null; never a
 *     guessed date
 * @param language ISO 639-1 code of the language detected, or "und"
 */
public record TextAnatomy(String title, String originalUrl, String publishedHint, String language, int length,
        List<Section> sections) {

    public enum Kind {
        /** The title line: analysed, but not body text. */
        TITLE(true),
        /** "Original article: URL". */
        ORIGINAL_LINK(false),
        /** "Disclaimer: ..." to the end of its line. */
        DISCLAIMER(false),
        /** "Related Links (...)" and the list that follows it. */
        RELATED_LINKS(false),
        /** Lines of "Time: 2025-06-10 22:07:18" (timestamps of related links, not of this article). */
        TIME_LIST(false),
        /** A passage restating an earlier passage of the same text almost word for word. */
        REPEATED_PASSAGE(false);

        private final boolean analysed;

        Kind(boolean analysed) {
            this.analysed = analysed;
        }

        public boolean analysed() {
            return analysed;
        }
    }

    public record Section(Kind kind, int start, int end) {
    }

    /** The character ranges [start, end) that the language analysis reads: everything but the excluded sections. */
    public List<int[]> analysisRanges() {
        List<Section> excluded = sections.stream().filter(s -> !s.kind().analysed())
                .sorted(java.util.Comparator.comparingInt(Section::start)).toList();
        List<int[]> ranges = new ArrayList<>();
        int at = 0;
        for (Section s : excluded) {
            if (s.start() > at) {
                ranges.add(new int[] {at, s.start()});
            }
            at = Math.max(at, s.end());
        }
        if (at < length) {
            ranges.add(new int[] {at, length});
        }
        return ranges;
    }
}
