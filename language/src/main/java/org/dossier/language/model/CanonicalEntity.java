package org.dossier.language.model;

import java.util.List;
import java.util.Set;

/**
 * A real-world entity as the analysis knows it. {@code key} is stable across articles: {@code person:kevin-hassett}
 * for a known official, {@code person:new:<normalised name>} for a person first seen in text, {@code country:US},
 * {@code control:<taxonomy id>}, and so on. {@code control} is set for controls only.
 */
public record CanonicalEntity(String key, EntityKind kind, String name, Set<String> aliases, String wikidataId,
                              String countryKey, List<Role> roles, ControlFacts control, String organizationKind) {
}
