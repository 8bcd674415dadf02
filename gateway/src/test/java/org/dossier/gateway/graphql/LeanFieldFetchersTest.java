package org.dossier.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Wrapper;
import io.smallrye.graphql.schema.model.WrapperType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which plain fields the gateway reads without SmallRye's value helper: exactly those whose values the helper would
 * give back as they are, or as a new list of the same items (no Quarkus).
 */
class LeanFieldFetchersTest {

    private static Field field(String javaType, String graphQlType, ReferenceType kind, Wrapper wrapper) {
        Reference reference = new Reference();
        reference.setClassName(javaType);
        reference.setGraphQLClassName(graphQlType);
        reference.setName(graphQlType);
        reference.setType(kind);
        Field field = new Field("getValue", "value", "value", reference);
        if (wrapper != null) {
            field.setWrapper(wrapper);
        }
        return field;
    }

    private static Wrapper list(String className) {
        return new Wrapper(WrapperType.COLLECTION, className);
    }

    @Test
    void values_pass_through_exactly_when_smallrye_would_give_back_the_same_items() throws Exception {
        Field text = field("java.lang.String", "java.lang.String", ReferenceType.SCALAR, null);
        Field texts = field("java.lang.String", "java.lang.String", ReferenceType.SCALAR, list("java.util.List"));
        Field objects = field("org.example.Edge", "org.example.Edge", ReferenceType.TYPE, list("java.util.Collection"));
        Field days = field("java.time.LocalDate", "java.lang.String", ReferenceType.SCALAR, list("java.util.List"));
        Field textSet = field("java.lang.String", "java.lang.String", ReferenceType.SCALAR, list("java.util.Set"));
        Wrapper nested = list("java.util.List");
        nested.setWrapper(list("java.util.List"));
        Field lists = field("java.lang.String", "java.lang.String", ReferenceType.SCALAR, nested);
        Field optional = field("java.util.Optional", "java.lang.String", ReferenceType.SCALAR, new Wrapper(WrapperType.OPTIONAL, "java.util.Optional"));

        assertThat(new LeanFieldFetchers.Helper(text).passesValuesThrough()).isTrue();
        assertThat(new LeanFieldFetchers.Helper(texts).passesValuesThrough()).isTrue();
        assertThat(new LeanFieldFetchers.Helper(objects).passesValuesThrough()).isTrue();
        assertThat(new LeanFieldFetchers.Helper(days).passesValuesThrough()).as("dates are formatted").isFalse();
        assertThat(new LeanFieldFetchers.Helper(textSet).passesValuesThrough()).as("a set is copied into a new set").isFalse();
        assertThat(new LeanFieldFetchers.Helper(lists).passesValuesThrough()).isFalse();
        assertThat(new LeanFieldFetchers.Helper(optional).passesValuesThrough()).isFalse();

        // what SmallRye gives for the fields that pass through: the same items, in the same order
        List<String> values = new ArrayList<>(List.of("b", "a", "c"));
        assertThat(new LeanFieldFetchers.Helper(text).transformOrAdaptResponse("x", null)).isEqualTo("x");
        assertThat(new LeanFieldFetchers.Helper(texts).transformOrAdaptResponse(values, null)).isEqualTo(values);
        Object array = new LeanFieldFetchers.Helper(texts).transformOrAdaptResponse(new String[] {"b", "a"}, null);
        assertThat(array).isEqualTo(List.of("b", "a"));
        List<Object> edges = List.of(new Object(), new Object());
        assertThat(new LeanFieldFetchers.Helper(objects).transformOrAdaptResponse(edges, null)).isEqualTo(edges);
        // and a set is not a list: SmallRye's copy may iterate in another order
        assertThat(new LeanFieldFetchers.Helper(textSet).transformOrAdaptResponse(new LinkedHashSet<>(values), null))
                .isNotInstanceOf(List.class);
    }

    /** A source object for the fetchers below. */
    public static final class Dated {
        private final Object value;

        Dated(Object value) {
            this.value = value;
        }

        public Object getValue() {
            return value;
        }
    }

    @Test
    void dates_and_times_read_again_give_the_text_smallrye_gives() throws Exception {
        Reference owner = new Reference();
        owner.setClassName(Dated.class.getName());
        Field day = field("java.time.LocalDate", "java.lang.String", ReferenceType.SCALAR, null);
        Field instant = field("java.time.OffsetDateTime", "java.lang.String", ReferenceType.SCALAR, null);
        LeanFieldFetchers.LeanFieldFetcher days = new LeanFieldFetchers.LeanFieldFetcher(day, owner);
        LeanFieldFetchers.LeanFieldFetcher instants = new LeanFieldFetchers.LeanFieldFetcher(instant, owner);
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 5_000; i++) {
            // few distinct values, so that most are read again; years beyond four digits and before year 1 included
            java.time.LocalDate date = java.time.LocalDate.ofEpochDay(random.nextInt(40) * 9_000L - 200_000L);
            java.time.OffsetDateTime time = java.time.OffsetDateTime.of(date.atTime(random.nextInt(3) * 7, 30),
                    java.time.ZoneOffset.ofHours(random.nextInt(3) - 1));
            assertThat(days.read(new Dated(date))).isEqualTo(new LeanFieldFetchers.Helper(day).transformOrAdaptResponse(date, null));
            assertThat(instants.read(new Dated(time)))
                    .isEqualTo(new LeanFieldFetchers.Helper(instant).transformOrAdaptResponse(time, null));
        }
        assertThat(days.read(new Dated(null))).isNull();
    }
}
