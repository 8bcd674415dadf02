package org.dossier.gateway.graphql;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Plain fields (a getter or public field of an object already fetched) read the value and nothing else.
 * SmallRye's own fetcher for them first builds its request context, including a description of every field
 * selected below, for each field of each object: a third of the gateway's CPU time on the flagship query with
 * 1,000 statements (bench/README.md). Nothing in this gateway reads that context in a plain field; the resolvers
 * that do ({@code @Query}, {@code @Source}) keep SmallRye's fetchers. Values are still transformed as SmallRye
 * would (formats, adapters, collections). Registered in META-INF/services; SmallRye asks every service and Quarkus'
 * own does not provide field fetchers.
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

    static final class LeanFieldFetcher implements PlugableDataFetcher<Object>, TrivialDataFetcher<Object> {

        private final Field field;
        private final Reference owner;
        private final FieldHelper helper;
        private volatile MethodHandle reader;

        LeanFieldFetcher(Field field, Reference owner) {
            this.field = field;
            this.owner = owner;
            this.helper = new FieldHelper(field);
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            Object source = environment.getSource();
            if (source == null) {
                return null;
            }
            try {
                return helper.transformOrAdaptResponse(reader().invoke(source), environment);
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
}
