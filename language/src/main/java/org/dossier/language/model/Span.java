package org.dossier.language.model;

/** Character offsets [start, end) into the stored article text. */
public record Span(int start, int end) {

    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }

    public boolean contains(Span other) {
        return start <= other.start && other.end <= end;
    }
}
