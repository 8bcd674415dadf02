package org.dossier.language.model;

/** One place in the text that names an entity, and why it was resolved to that entity. */
public record Mention(String entityKey, EntityKind kind, String text, Span span, String resolution) {
}
