package org.dossier.article.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.dossier.article.repository.NearDuplicateRepository;
import org.junit.jupiter.api.Test;

class MinHasherTest {

    private static final String STORY = """
            China's commerce ministry said on Thursday that exporters of seven medium and heavy rare earth elements must \
            apply for licences, a step that analysts expect to slow shipments of magnets to carmakers and defence suppliers \
            in the United States, Europe and Japan. The ministry described the measure as a safeguard of national security \
            and said approvals would be granted to applications that comply with the rules. Officials in Washington called \
            the decision a retaliation for the tariffs announced two days earlier and said they were studying a response.""";

    @Test
    void aReprintWithSmallEditsIsSimilarAndSharesABand() {
        String reprint = STORY.replace("on Thursday", "on April 4").replace("analysts expect", "analysts said they expect")
                .replace("studying a response", "weighing their answer") + " Reporting by a wire service.";
        long[] a = MinHasher.signature(STORY);
        long[] b = MinHasher.signature(reprint);
        assertThat(MinHasher.similarity(a, b)).isGreaterThan(0.7);
        assertThat(sharedBands(a, b)).isGreaterThanOrEqualTo(NearDuplicateRepository.MIN_SHARED_BANDS);
    }

    @Test
    void anotherStoryOnTheSameSubjectIsNot() {
        String other = """
                Beijing expanded its export controls on rare earths on Thursday, adding five elements and restricting the \
                technology used to mine and refine them. Foreign firms will need approval to sell products containing even \
                small amounts of Chinese rare earths, the commerce ministry said, in a rule that mirrors American controls.""";
        long[] a = MinHasher.signature(STORY);
        long[] b = MinHasher.signature(other);
        assertThat(MinHasher.similarity(a, b)).isLessThan(0.2);
    }

    @Test
    void signaturesSurviveStorage() {
        long[] a = MinHasher.signature(STORY);
        assertThat(MinHasher.fromBytes(MinHasher.toBytes(a))).isEqualTo(a);
        assertThat(MinHasher.signature(STORY)).as("deterministic").isEqualTo(a);
    }

    @Test
    void theAsciiPathComputesExactlyTheDefinedSignature() {
        String[] texts = {STORY, "", "one", "two words", "Export-controls: 25% on U.S. chips (2025)!", "  trailing space ",
            "Curly \u2019quotes\u2019 and \u2014 dashes \u2026 are not words", STORY.toUpperCase(java.util.Locale.ROOT)};
        for (String text : texts) {
            assertThat(MinHasher.asciiSignature(text)).as(text).isEqualTo(MinHasher.generalSignature(text));
            assertThat(MinHasher.signature(text)).as(text).isEqualTo(MinHasher.generalSignature(text));
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        String alphabet = "abcXYZ019 .,-'\n\t\u2019\u00a0";
        for (int t = 0; t < 500; t++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(200); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(MinHasher.asciiSignature(text)).as(text.toString()).isEqualTo(MinHasher.generalSignature(text));
        }
    }

    @Test
    void lettersBeyondAsciiTakeTheGeneralPath() {
        String text = "Die Ausfuhrkontrollen f\u00fcr Seltene Erden wurden versch\u00e4rft, sagte das Ministerium.";
        assertThat(MinHasher.signature(text)).isEqualTo(MinHasher.generalSignature(text));
        assertThat(MinHasher.asciiSignature(text)).isNotEqualTo(MinHasher.generalSignature(text));
    }

    private static int sharedBands(long[] a, long[] b) {
        long[] ba = MinHasher.bandBuckets(a);
        long[] bb = MinHasher.bandBuckets(b);
        int shared = 0;
        for (int i = 0; i < ba.length; i++) {
            if (ba[i] == bb[i]) {
                shared++;
            }
        }
        return shared;
    }
}
