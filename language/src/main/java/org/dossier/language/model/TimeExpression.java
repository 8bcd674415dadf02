package org.dossier.language.model;

/** A time expression in the text, normalised against the publication date. */
public record TimeExpression(String text, Span span, DateRange range) {
}
