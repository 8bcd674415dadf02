package org.dossier.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import io.smallrye.graphql.execution.ExecutionResponse;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dossier.gateway.graphql.AnswerObject;
import org.junit.jupiter.api.Test;

/**
 * The gateway writes whole answers itself, in place of SmallRye's writer: clients must not see a byte of difference.
 * Compared on answers of every shape graphql-java produces (nested objects and lists, nulls, every scalar's Java
 * value, text with quotes, escapes, control characters and characters of several scripts, extensions).
 */
class AnswerJsonTest {

    private static String smallRyes(ExecutionResult result) {
        return new ExecutionResponse(result).getExecutionResultAsString();
    }

    private static String ours(ExecutionResult result) throws Exception {
        return new String(AnswerJson.write(result), StandardCharsets.UTF_8);
    }

    @Test
    void anAnswerOfEveryKindOfValueIsTheTextSmallRyeWrites() throws Exception {
        Map<String, Object> official = new LinkedHashMap<>();
        official.put("id", "UGVyc29uOjE=");
        official.put("name", "He Lifeng \"Vice Premier\" \\ 何立峰 — Ĺondon / naïve 🚢");
        official.put("post", null);
        official.put("count", 42);
        official.put("big", 9_007_199_254_740_993L);
        official.put("ratio", 0.5);
        official.put("decimal", new BigDecimal("12.50"));
        official.put("huge", new BigInteger("123456789012345678901234567890"));
        official.put("direct", true);
        official.put("controls", List.of(Map.of("name", "line\nbreak\ttab\rreturn\u0001\u001f\u007f\u2028end"), List.of()));
        official.put("empty", Map.of());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("officials", Map.of("edges", List.of(Map.of("node", official)), "totalCount", 1));
        data.put("nothing", null);
        ExecutionResult result = ExecutionResultImpl.newExecutionResult().data(data)
                .extensions(Map.of("cost", 17)).build();
        assertThat(ours(result)).isEqualTo(smallRyes(result));
    }

    @Test
    void randomAnswersAreTheTextSmallRyeWrites() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("answer", randomValue(random, 4));
            ExecutionResult result = ExecutionResultImpl.newExecutionResult().data(data).build();
            assertThat(ours(result)).as("answer %d", i).isEqualTo(smallRyes(result));
        }
    }

    @Test
    void nullsInListsAndEmptyDataAreTheTextSmallRyeWrites() throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("a", new ArrayList<>(Arrays.asList(null, 1, null)));
        for (ExecutionResult result : List.of(ExecutionResultImpl.newExecutionResult().data(data).build(),
                ExecutionResultImpl.newExecutionResult().data(new LinkedHashMap<>()).build())) {
            assertThat(ours(result)).isEqualTo(smallRyes(result));
        }
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 6);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextInt();
            case 2 -> random.nextLong();
            case 3 -> random.nextBoolean();
            case 4 -> random.nextBoolean() ? random.nextDouble() * Math.pow(10, random.nextInt(40) - 20)
                    : (float) (random.nextFloat() * Math.pow(10, random.nextInt(20) - 10));
            case 5 -> randomText(random);
            case 6, 7 -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.put(randomText(random), randomValue(random, depth - 1));
                }
                // the lean paths' objects as well as graphql-java's maps
                yield kind == 6 ? object
                        : new AnswerObject(object.keySet().toArray(String[]::new), object.values().toArray());
            }
            default -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    list.add(randomValue(random, depth - 1));
                }
                yield list;
            }
        };
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            int range = random.nextInt(5);
            text.appendCodePoint(switch (range) {
                case 0 -> random.nextInt(0x20);           // control characters
                case 1 -> 0x20 + random.nextInt(0x60);     // ASCII, quotes and backslashes among them
                case 2 -> 0xa0 + random.nextInt(0x2000);   // Latin, Greek, Cyrillic ... and the line separators
                case 3 -> 0x4e00 + random.nextInt(0x5000); // CJK
                default -> 0x1f300 + random.nextInt(0x300); // outside the BMP
            });
        }
        return text.toString();
    }
}
