package org.dossier.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Content negotiation of {@code Accept-Encoding}, and what is compressed. */
class AnswerEncodingTest {

    private static final AnswerEncoding GZIP_FROM_1K = new AnswerEncoding(true, 1024, 1);

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    private static byte[] answerOf(int statements) {
        StringBuilder json = new StringBuilder("{\"data\":{\"statements\":[");
        for (int i = 0; i < statements; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"U3RhdGVtZW50OjE").append(i)
                    .append("\",\"cue\":\"said\",\"content\":\"export licences for the chips will be required\"}");
        }
        return json.append("]}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void gzipIsAcceptedWhenNamedOrCoveredByTheWildcardWithAWeightAboveZero() {
        assertThat(AnswerEncoding.acceptsGzip("gzip")).isTrue();
        assertThat(AnswerEncoding.acceptsGzip("gzip, deflate, br, zstd")).isTrue();
        assertThat(AnswerEncoding.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(AnswerEncoding.acceptsGzip("x-gzip")).isTrue();
        assertThat(AnswerEncoding.acceptsGzip("*")).isTrue();
        assertThat(AnswerEncoding.acceptsGzip("identity, *;q=0.1")).isTrue();
        assertThat(AnswerEncoding.acceptsGzip("gzip ; q = 0.8")).isTrue();

        assertThat(AnswerEncoding.acceptsGzip(null)).as("no header: answered as written").isFalse();
        assertThat(AnswerEncoding.acceptsGzip("")).isFalse();
        assertThat(AnswerEncoding.acceptsGzip("identity")).isFalse();
        assertThat(AnswerEncoding.acceptsGzip("br, deflate")).isFalse();
        assertThat(AnswerEncoding.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(AnswerEncoding.acceptsGzip("gzip;q=0.000")).isFalse();
        assertThat(AnswerEncoding.acceptsGzip("*;q=0")).isFalse();
        assertThat(AnswerEncoding.acceptsGzip("gzip;q=0, *")).as("a coding named outweighs the wildcard").isFalse();
        assertThat(AnswerEncoding.acceptsGzip("*, gzip;q=0")).isFalse();
        assertThat(AnswerEncoding.acceptsGzip("gzip;q=nonsense")).isFalse();
        assertThat(AnswerEncoding.acceptsGzip("gzipped")).isFalse();
    }

    @Test
    void aLongAnswerIsCompressedToTheSameText() throws IOException {
        byte[] json = answerOf(200);
        var answer = GZIP_FROM_1K.encode(json, true);
        assertThat(answer.json().getBytes()).isEqualTo(json);
        assertThat(answer.gzip()).isNotNull();
        assertThat(answer.gzip().length()).isLessThan(json.length / 5);
        assertThat(gunzip(answer.gzip().getBytes())).isEqualTo(json);
        assertThat(answer.length()).isEqualTo(json.length + answer.gzip().length());
    }

    @Test
    void nothingIsCompressedWhenNotAskedForTooShortOffOrNotShorter() {
        assertThat(GZIP_FROM_1K.encode(answerOf(200), false).gzip()).as("not asked for").isNull();
        byte[] shortAnswer = "{\"data\":{\"__typename\":\"Query\"}}".getBytes(StandardCharsets.UTF_8);
        assertThat(GZIP_FROM_1K.encode(shortAnswer, true).gzip()).as("below the minimum size").isNull();
        assertThat(new AnswerEncoding(false, 1024, 1).encode(answerOf(200), true).gzip()).as("turned off").isNull();
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        assertThat(GZIP_FROM_1K.encode(noise, true).gzip()).as("gzip would be longer").isNull();
    }

    @Test
    void theLevelIsOneToNine() {
        assertThatThrownBy(() -> new AnswerEncoding(true, 0, 0)).hasMessageContaining("1 to 9");
        assertThatThrownBy(() -> new AnswerEncoding(true, 0, 10)).hasMessageContaining("1 to 9");
    }
}
