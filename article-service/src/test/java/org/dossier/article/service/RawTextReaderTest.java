package org.dossier.article.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dossier.article.service.TextAnatomy.Kind;
import org.dossier.article.service.TextAnatomy.Section;
import org.junit.jupiter.api.Test;

class RawTextReaderTest {

    private final RawTextReader reader = new RawTextReader();

    @Test
    void scrapedArticleWithTitleLinksDisclaimerAndRelatedTimes() {
        String text = SeedCorpus.text("002_");
        TextAnatomy anatomy = reader.read(text);
        assertThat(anatomy.title()).isEqualTo("Sino-US London Trade Talks Focus on Rare Earth and Technology Export Control");
        assertThat(anatomy.originalUrl()).isEqualTo("https://www.toutiao.com/article/1834548336081928/");
        assertThat(anatomy.sections()).extracting(Section::kind)
                .contains(Kind.TITLE, Kind.ORIGINAL_LINK, Kind.DISCLAIMER, Kind.RELATED_LINKS);
        assertThat(anatomy.publishedHint()).isEqualTo("today (June 10)");
        assertThat(anatomy.language()).isEqualTo("en");

        String analysed = analysed(text, anatomy);
        assertThat(analysed).contains("Bloomberg reported today (June 10)")
                .doesNotContain("Original article").doesNotContain("Disclaimer").doesNotContain("Time:2025")
                .doesNotContain("Related Links");
        // Offsets are those of the stored text.
        Section link = section(anatomy, Kind.ORIGINAL_LINK);
        assertThat(text.substring(link.start(), link.end())).isEqualTo("Original article: https://www.toutiao.com/article/1834548336081928/");
    }

    @Test
    void aRestatedPassageIsMarkedOnceAndItsFirstTellingIsKept() {
        String text = SeedCorpus.text("000_");
        TextAnatomy anatomy = reader.read(text);
        List<Section> repeats = anatomy.sections().stream().filter(s -> s.kind() == Kind.REPEATED_PASSAGE).toList();
        assertThat(repeats).hasSize(1);
        String repeated = text.substring(repeats.get(0).start(), repeats.get(0).end());
        assertThat(repeated).contains("tariff suspension deadline of August 10th agreed upon last month in Geneva might be extended")
                .contains("This suggests that in the short term");
        String analysed = analysed(text, anatomy);
        assertThat(analysed).contains("which was agreed upon last month in Geneva, by another 90 days")
                .doesNotContain("This suggests that in the short term");
        assertThat(anatomy.title()).as("a one-paragraph text has no title line").isNull();
        assertThat(anatomy.originalUrl()).isEqualTo("https://www.toutiao.com/article/1835042323559623/");
    }

    @Test
    void noOtherSeedHasARepeatedPassageAndEveryOriginalLinkIsFound() {
        for (String seed : List.of("001_", "002_", "003_", "004_")) {
            TextAnatomy anatomy = reader.read(SeedCorpus.text(seed));
            assertThat(anatomy.sections()).as(seed).extracting(Section::kind).doesNotContain(Kind.REPEATED_PASSAGE);
            assertThat(anatomy.language()).as(seed).isEqualTo("en");
        }
        assertThat(reader.read(SeedCorpus.text("001_")).originalUrl()).isEqualTo("https://www.toutiao.com/article/1834535765292167/");
        assertThat(reader.read(SeedCorpus.text("003_")).originalUrl()).isEqualTo("https://www.toutiao.com/article/7513089098832298534/");
    }

    @Test
    void aTimeAnchorIsKeptAsAHintNotTurnedIntoADate() {
        TextAnatomy anatomy = reader.read(SeedCorpus.text("004_"));
        assertThat(anatomy.publishedHint()).isEqualTo("As of 12 noon on June 9, Beijing time");
        assertThat(anatomy.title()).isNull();
    }

    @Test
    void plainTextHasNothingExcluded() {
        String text = "Officials met in Geneva on Saturday. They said talks were constructive.";
        TextAnatomy anatomy = reader.read(text);
        assertThat(anatomy.sections()).isEmpty();
        assertThat(anatomy.analysisRanges()).containsExactly(new int[] {0, text.length()});
        assertThat(anatomy.language()).isEqualTo("en");
    }

    @Test
    void textThatIsNotEnglishIsUndetermined() {
        assertThat(RawTextReader.language("中美伦敦经贸会谈聚焦稀土和技术出口管制问题，双方进行了坦诚的交流。")).isEqualTo("und");
        assertThat(RawTextReader.language("Die Gespräche in London wurden am Dienstag fortgesetzt, sagte ein Sprecher der Regierung."))
                .isEqualTo("und");
    }

    @Test
    void wordsAreWhatTheDefiningRegexFinds() {
        // Letters and numbers of several scripts and categories, and what separates them: marks, punctuation,
        // symbols, a character outside the BMP, an unpaired surrogate.
        String alphabet = "aZ09_-' .,\n\tÉéßİΣς中文ー²½Ⅻŉ\u0301\u200b€😀𝐀\ud800";
        Pattern definition = Pattern.compile("[\\p{L}\\p{N}]+");
        Random random = new Random(20261123);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            while (text.length() < length) {
                text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            List<String> expected = new ArrayList<>();
            Matcher m = definition.matcher(text);
            while (m.find()) {
                expected.add(m.group());
            }
            List<String> found = new ArrayList<>();
            int count = RawTextReader.forEachWord(text.toString(), Integer.MAX_VALUE, found::add);
            assertThat(found).as(text.toString()).isEqualTo(expected);
            assertThat(count).isEqualTo(expected.size());
        }
        List<String> firstTwo = new ArrayList<>();
        assertThat(RawTextReader.forEachWord("one two three", 2, firstTwo::add)).isEqualTo(2);
        assertThat(firstTwo).containsExactly("one", "two");
    }

    @Test
    void timeListsAreFoundAfterAnyLineAndInAnyCase() {
        String text = "Officials met in Geneva on Saturday and said talks were constructive.\n"
                + "TIME: 2025-06-10 08:00\ntime:2025-06-11 09:30:15\nThe end of the story.";
        TextAnatomy anatomy = reader.read(text);
        Section times = section(anatomy, Kind.TIME_LIST);
        assertThat(text.substring(times.start(), times.end())).isEqualTo("TIME: 2025-06-10 08:00\ntime:2025-06-11 09:30:15");
    }

    private static Section section(TextAnatomy anatomy, Kind kind) {
        return anatomy.sections().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }

    private static String analysed(String text, TextAnatomy anatomy) {
        return anatomy.analysisRanges().stream().map(r -> text.substring(r[0], r[1])).collect(Collectors.joining(" "));
    }
}
