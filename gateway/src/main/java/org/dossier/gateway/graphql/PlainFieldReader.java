package org.dossier.gateway.graphql;

/**
 * A field whose value is read from its parent object and nothing else: no arguments, no data-fetching environment,
 * no downstream call. {@link LeanExecutionStrategy} resolves such fields of scalar or enum type without graphql-java's
 * per-field machinery.
 */
public interface PlainFieldReader {

    /** Whether {@link #read} gives the field's value from the parent alone; when false, the field takes the general path. */
    boolean readsAlone();

    /** The field's value on this parent, as its data fetcher would return it. */
    Object read(Object parent) throws Exception;
}
