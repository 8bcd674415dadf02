package org.dossier.gateway.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.Wrapper;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Plain fields (a getter or public field of an object already fetched) read the value and nothing else.
 * SmallRye's own fetcher for them first builds its request context, including a description of every field
 * selected below, for each field of each object: a third of the gateway's CPU time on the flagship query with
 * 1,000 statements (bench/README.md). Nothing in this gateway reads that context in a plain field; the resolvers
 * that do ({@code @Query}, {@code @Source}) keep SmallRye's fetchers. Values are still transformed as SmallRye
 * would (formats, adapters, collections). Registered in META-INF/services; SmallRye asks every service and Quarkus'
 * own does not provide field fetchers.
 * <p>
 * They are graphql-java's light fetchers: graphql-java then builds no data-fetching environment for the field (its
 * arguments, selection, step info: 9% of the gateway's time on the flagship query) unless the value needs
 * SmallRye's transformation, which is handed the environment.
 */
public class LeanFieldFetchers implements DataFetcherService {

    @Override
    public Integer getPriority() {
        return 50;
    }

    @Override
    public PlugableDataFetcher<?> getFieldDataFetcher(Field field, Type type, Reference owner) {
        return new LeanFieldFetcher(field, owner);
    }

    static final class LeanFieldFetcher implements PlugableDataFetcher<Object>, LightDataFetcher<Object>, PlainFieldReader {

        private final Field field;
        private final Reference owner;
        private final Helper helper;
        /** The value goes out as the getter returns it: SmallRye would neither transform nor adapt it. */
        private final boolean asRead;
        /** SmallRye's transformation of the value (a date's format) does not read the data-fetching environment. */
        private final boolean transformsAlone;
        private volatile MethodHandle reader;
        /**
         * The text of each date or time already transformed, for a single-valued java.time field transformed without
         * the environment: formatting is a pure function of the value, and the same days recur (the flagship answer
         * formats about 3,000 dates, most of them seen before). Null for other fields.
         */
        private final Map<Object, Object> formatted;

        LeanFieldFetcher(Field field, Reference owner) {
            this.field = field;
            this.owner = owner;
            this.helper = new Helper(field);
            this.asRead = helper.passesValuesThrough();
            this.transformsAlone = helper.transformsWithoutEnvironment();
            this.formatted = !asRead && transformsAlone && !field.hasWrapper()
                    && MEMOISED_TYPES.contains(field.getReference().getClassName()) ? new ConcurrentHashMap<>() : null;
        }

        @Override
        public boolean readsAlone() {
            return asRead || transformsAlone;
        }

        @Override
        public Object read(Object parent) throws Exception {
            return get(parent, () -> null);
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return get(environment.getSource(), () -> environment);
        }

        @Override
        public Object get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> environment)
                throws Exception {
            return get(source, environment);
        }

        private Object get(Object source, Supplier<DataFetchingEnvironment> environment) throws Exception {
            if (source == null) {
                return null;
            }
            try {
                Object value = reader().invoke(source);
                if (asRead) {
                    return value;
                }
                if (formatted != null && value != null) {
                    Object known = formatted.get(value);
                    if (known == null) {
                        known = helper.transformOrAdaptResponse(value, null);
                        if (known != null && formatted.size() < MEMOISED_VALUES) {
                            formatted.put(value, known);
                        }
                    }
                    return known;
                }
                return helper.transformOrAdaptResponse(value, transformsAlone ? null : environment.get());
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        private MethodHandle reader() throws ReflectiveOperationException {
            MethodHandle handle = reader;
            if (handle == null) {
                Class<?> type = ClassloadingService.get().loadClass(owner.getClassName());
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                handle = field.getMethodName() != null
                        ? lookup.unreflect(type.getMethod(field.getMethodName()))
                        : lookup.unreflectGetter(type.getField(field.getPropertyName()));
                reader = handle.asType(MethodType.methodType(Object.class, Object.class));
            }
            return reader;
        }
    }

    /** Immutable value types whose equal values SmallRye formats to equal texts. */
    private static final Set<String> MEMOISED_TYPES = Set.of("java.time.LocalDate", "java.time.LocalDateTime",
            "java.time.LocalTime", "java.time.OffsetDateTime", "java.time.OffsetTime", "java.time.ZonedDateTime",
            "java.time.Instant");
    /** Texts kept per field at most: a few years of days, a bounded share of the heap (about 100 bytes each). */
    private static final int MEMOISED_VALUES = 20_000;

    /** Collections that SmallRye copies into an {@code ArrayList} when it walks them. */
    private static final Set<String> LIST_CLASSES = Set.of("java.util.List", "java.util.Collection", "java.util.ArrayList");

    /** SmallRye's helper for a field's values, asked once whether it would change them at all. */
    static final class Helper extends FieldHelper {

        private final Field field;

        Helper(Field field) {
            super(field);
            this.field = field;
        }

        /**
         * No scalar transformation (a date's format, a number as text), no adapter, and no wrapper but a list: what
         * {@link #transformOrAdaptResponse} would give back is the value itself, or a new list of the same items in the
         * same order (which graphql-java reads as it reads the value itself).
         */
        boolean passesValuesThrough() {
            String type = field.getReference().getClassName();
            return !shouldTransform(field) && !shouldAdapt(field) && !type.startsWith("java.util.Optional")
                    && (!field.hasWrapper() || isPlainList(field.getWrapper()));
        }

        /** A list (or collection that SmallRye fills as a list) of single values, not of lists, sets or optionals. */
        private static boolean isPlainList(Wrapper wrapper) {
            return wrapper.isCollection() && !wrapper.hasWrapper()
                    && LIST_CLASSES.contains(wrapper.getWrapperClassName());
        }

        /**
         * What {@link #transformOrAdaptResponse} does to the value (a scalar's transformation, an OptionalInt, the
         * items of a collection) reads nothing of the environment: only adapters do.
         */
        boolean transformsWithoutEnvironment() {
            return !shouldAdapt(field);
        }
    }
}
