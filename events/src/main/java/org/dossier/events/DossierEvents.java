package org.dossier.events;

import java.util.List;
import java.util.Optional;

/** Every event type Dossier publishes. Adding one here obliges a schema and a contract test (see EventContractTest). */
public final class DossierEvents {

    public static final EventType<ArticleStored> ARTICLE_STORED =
            new EventType<>("dossier.article.stored.v1", ArticleStored.class, Topics.ARTICLE_EVENTS);
    public static final EventType<ArticleAnalyzed> ARTICLE_ANALYZED =
            new EventType<>("dossier.article.analyzed.v1", ArticleAnalyzed.class, Topics.ANALYSIS_EVENTS);
    public static final EventType<AnalysisResults> ANALYSIS_RESULTS =
            new EventType<>("dossier.analysis.results.v1", AnalysisResults.class, Topics.ANALYSIS_EVENTS);
    public static final EventType<ArticleTimelined> ARTICLE_TIMELINED =
            new EventType<>("dossier.article.timelined.v1", ArticleTimelined.class, Topics.TIMELINE_EVENTS);

    public static final EventType<TimelineEventsChanged> TIMELINE_EVENTS_CHANGED =
            new EventType<>("dossier.timeline.events-changed.v1", TimelineEventsChanged.class, Topics.TIMELINE_EVENTS);

    /** Published by entity-service on analysis.events and by timeline-service on timeline.events. */
    public static final EventType<ArticleProcessingFailed> ANALYSIS_FAILED =
            new EventType<>("dossier.article.processing-failed.v1", ArticleProcessingFailed.class, Topics.ANALYSIS_EVENTS);
    public static final EventType<ArticleProcessingFailed> TIMELINE_FAILED =
            new EventType<>("dossier.article.processing-failed.v1", ArticleProcessingFailed.class, Topics.TIMELINE_EVENTS);

    public static final List<EventType<?>> ALL = List.of(ARTICLE_STORED, ARTICLE_ANALYZED, ANALYSIS_RESULTS, ARTICLE_TIMELINED,
            TIMELINE_EVENTS_CHANGED, ANALYSIS_FAILED);

    private DossierEvents() {
    }

    public static Optional<EventType<?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
