package org.dossier.gateway.graphql;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One object of an answer made by the lean paths: the keys of its selection, shared by every object of the same
 * selection and type, and its values in the same order. A read-only map to whatever reads the answer (graphql-java,
 * SmallRye's writer), in the selection's order; the gateway's own writer reads the two arrays. The flagship answer
 * has about 5,000 objects: a linked hash map each cost a table, an entry per field and a resize.
 */
public final class AnswerObject extends AbstractMap<String, Object> {

    private final String[] keys;
    private final Object[] values;

    /** An object whose values are set later, by index. */
    AnswerObject(String[] keys) {
        this(keys, new Object[keys.length]);
    }

    /** An object of these values, which it keeps (not copied): one per key, in the keys' order. */
    public AnswerObject(String[] keys, Object[] values) {
        if (keys.length != values.length) {
            throw new IllegalArgumentException(keys.length + " keys and " + values.length + " values");
        }
        this.keys = keys;
        this.values = values;
    }

    void set(int index, Object value) {
        values[index] = value;
    }

    /** The key at this place in the selection's order. */
    public String key(int index) {
        return keys[index];
    }

    /** The value at this place in the selection's order. */
    public Object value(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : values[index];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) { // a selection has a handful of keys
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int index = next++;
                        return new SimpleImmutableEntry<>(keys[index], values[index]);
                    }
                };
            }
        };
    }
}
