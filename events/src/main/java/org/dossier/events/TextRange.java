package org.dossier.events;

/** A character range [start, end) into an article's stored text. */
public record TextRange(int start, int end) {
}
