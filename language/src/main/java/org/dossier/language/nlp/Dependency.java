package org.dossier.language.nlp;

/** A typed dependency (Universal Dependencies relation names) between two tokens of one sentence; governor -1 is the root. */
public record Dependency(int governor, String relation, int dependent) {
}
