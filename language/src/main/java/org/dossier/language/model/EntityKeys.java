package org.dossier.language.model;

import java.util.Locale;

/**
 * Keys of entities first seen in text ({@code person:new:maria-castellanos}). One rule for every place that makes or
 * recognises such a key, so that the analysis, a recorded merge and its undoing always agree.
 */
public final class EntityKeys {

    private EntityKeys() {
    }

    /** The key of a name not in the knowledge files, e.g. {@code newKey("person", "Larry Hassett")}. */
    public static String newKey(String prefix, String name) {
        return prefix + ":new:" + normalise(name);
    }

    public static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "");
    }
}
