package org.dossier.gateway.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dossier.gateway.graphql.AnswerObject;

/**
 * The JSON text of a GraphQL answer, as the gateway sends it: graphql-java's result in the specification's shape
 * ({@code data}, {@code errors}, {@code extensions}), streamed out in one pass. For an answer without errors it is
 * the text SmallRye's writer prints, byte for byte ({@code AnswerJsonTest}).
 * <p>
 * graphql-java's results are maps, lists, text, numbers and booleans, so each value is written by its type here
 * rather than through a Jackson serializer looked up for each value of each map. On the flagship answer (836 KB,
 * warm, one thread): 2.0–2.9 ms, about what Jackson's ObjectMapper takes (2.3–3.1 ms, which would need serializers
 * of its own for SmallRye's number format) and a third of SmallRye's writer (6.4–8.4 ms).
 */
final class AnswerJson {

    /** Escapes as SmallRye's writer (Parsson) does: characters beyond U+FFFF as themselves, \u001f in lower case. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build();
    /** For a value of a type graphql-java does not produce (a custom scalar's Java object). */
    private static final ObjectMapper OTHER_VALUES = new ObjectMapper(FACTORY);

    private AnswerJson() {
    }

    static byte[] write(ExecutionResult result) throws IOException {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(64 * 1024)) {
            try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
                value(generator, result.toSpecification());
            }
            return bytes.toByteArray();
        }
    }

    private static void value(JsonGenerator generator, Object value) throws IOException {
        // graphql-java's own classes first, compared exactly: cheaper than interface checks, and on JDK 17 a failed
        // "instanceof Map" may rewrite a per-class cache that both event loops read (JDK-8180450).
        Class<?> type = value == null ? null : value.getClass();
        if (type == null) {
            generator.writeNull();
        } else if (type == String.class) {
            generator.writeString((String) value);
        } else if (type == AnswerObject.class) {
            answerObject(generator, (AnswerObject) value);
        } else if (type == LinkedHashMap.class) {
            object(generator, (Map<?, ?>) value);
        } else if (type == ArrayList.class) {
            list(generator, (Collection<?>) value);
        } else if (type == Boolean.class) {
            generator.writeBoolean((Boolean) value);
        } else if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class) {
            generator.writeNumber(((Number) value).longValue());
        } else if ((type == Double.class || type == Float.class) && Double.isFinite(((Number) value).doubleValue())) {
            // as Parsson writes a binary floating-point value: its shortest decimal ("0.00003", "1.0E+10")
            generator.writeNumber(BigDecimal.valueOf(((Number) value).doubleValue()));
        } else if (type == BigDecimal.class) {
            generator.writeNumber((BigDecimal) value);
        } else if (type == BigInteger.class) {
            generator.writeNumber((BigInteger) value);
        } else if (value instanceof Map<?, ?> map) {
            object(generator, map);
        } else if (value instanceof Collection<?> collection) {
            list(generator, collection);
        } else {
            OTHER_VALUES.writeValue(generator, value);
        }
    }

    private static void object(JsonGenerator generator, Map<?, ?> object) throws IOException {
        generator.writeStartObject();
        for (Map.Entry<?, ?> field : object.entrySet()) {
            Object name = field.getKey();
            generator.writeFieldName(name instanceof String text ? text : String.valueOf(name));
            value(generator, field.getValue());
        }
        generator.writeEndObject();
    }

    /** An object of a lean answer: its keys and values read by place, no entry made per field. */
    private static void answerObject(JsonGenerator generator, AnswerObject object) throws IOException {
        generator.writeStartObject();
        for (int i = 0, size = object.size(); i < size; i++) {
            generator.writeFieldName(object.key(i));
            value(generator, object.value(i));
        }
        generator.writeEndObject();
    }

    private static void list(JsonGenerator generator, Collection<?> list) throws IOException {
        generator.writeStartArray();
        for (Object item : list) {
            value(generator, item);
        }
        generator.writeEndArray();
    }
}
