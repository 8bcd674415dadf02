package org.dossier.events;

/** Kafka topic names of the design. Keys are always the aggregate id. */
public final class Topics {
    /** Partner submissions in the REST ingest JSON shape (not CloudEvents: partners publish plain JSON). */
    public static final String ARTICLES_INBOUND = "articles.inbound";
    public static final String ARTICLE_EVENTS = "article.events";
    public static final String ANALYSIS_EVENTS = "analysis.events";
    public static final String TIMELINE_EVENTS = "timeline.events";

    private Topics() {
    }

    /** The dead-letter topic of a topic: messages that could not be processed, with the reason in a header. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
