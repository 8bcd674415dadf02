package org.dossier.timeline.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;
import java.util.Set;
import org.dossier.events.AnalysisResults;
import org.dossier.events.ArticleAnalyzed;
import org.dossier.events.ArticleProcessingFailed;
import org.dossier.events.ArticleTimelined;
import org.dossier.events.DossierEvents;
import org.dossier.events.TimelineEventsChanged;
import org.dossier.messaging.Outbox;
import org.dossier.timeline.ArticlePlacement;
import org.dossier.timeline.merge.EventMerger;
import org.dossier.timeline.repository.EntityTimelineRepository;
import org.dossier.timeline.repository.PlacementRepository;
import org.dossier.timeline.repository.TimelineRepository;

/**
 * Merges each analysed article's event mentions into timeline events ({@link #merge}), then records the placement
 * and announces it ({@link #place}). Re-analysis replaces the article's sources and recomputes what they touched.
 */
@ApplicationScoped
@Transactional
public class TimelineService {

    private final PlacementRepository placements;
    private final TimelineRepository timeline;
    private final EntityTimelineRepository entityTimelines;
    private final Outbox outbox;

    TimelineService(PlacementRepository placements, TimelineRepository timeline, EntityTimelineRepository entityTimelines,
            Outbox outbox) {
        this.placements = placements;
        this.timeline = timeline;
        this.entityTimelines = entityTimelines;
        this.outbox = outbox;
    }

    /**
     * Places an article's event mentions: each joins the event it reports, or starts a new one. Its statements take
     * their place on their speakers' timelines.
     */
    public void merge(AnalysisResults results) {
        timeline.lockTimeline();
        entityTimelines.replaceStatementsOf(results.articleId(),
                results.publishedAt() == null ? null : results.publishedAt().toLocalDate(), results.statements());
        Set<UUID> touched = timeline.removeSourcesOf(results.articleId());
        touched.forEach(timeline::recompute);
        Set<UUID> changed = new LinkedHashSet<>(touched);
        List<AnalysisResults.ExtractedEventMention> placeable = results.eventMentions().stream()
                .filter(m -> m.start() != null && m.end() != null && m.granularity() != null).toList(); // else nothing to place by
        List<EventMerger.Happening> happenings = placeable.stream().map(m -> new EventMerger.Happening(m.kind(),
                new EventMerger.Dates(m.start(), m.end(), EventMerger.Granularity.valueOf(m.granularity()), m.dateInferred()),
                Set.copyOf(m.participants()), Set.copyOf(m.places()))).toList();
        // Candidates of every mention in one query, as the timeline stood before this article; what the article itself
        // creates or changes is tracked here and offered too (bestMatch only accepts what that query would return).
        List<Map<UUID, EventMerger.Happening>> stored = timeline.candidatesOfAll(happenings);
        Map<UUID, EventMerger.Happening> current = new LinkedHashMap<>();
        Set<UUID> gone = new HashSet<>();
        List<TimelineRepository.NewEvent> newEvents = new ArrayList<>();
        List<TimelineRepository.NewSource> newSources = new ArrayList<>();
        for (int i = 0; i < placeable.size(); i++) {
            AnalysisResults.ExtractedEventMention m = placeable.get(i);
            EventMerger.Happening happening = happenings.get(i);
            Map<UUID, EventMerger.Happening> candidates = new LinkedHashMap<>(stored.get(i));
            candidates.keySet().removeAll(gone);
            candidates.putAll(current);
            Optional<EventMerger.Match> match = EventMerger.bestMatch(happening, candidates);
            UUID eventId = match.map(EventMerger.Match::eventId).orElseGet(UUID::randomUUID);
            TimelineRepository.NewSource source = new TimelineRepository.NewSource(eventId, results.articleId(), m.id(), m.label(),
                    m.quote(), m.span().start(), m.span().end(), happening.dates(), m.participants(), m.places(), m.controls(),
                    match.map(EventMerger.Match::reason).orElse("first report"), match.map(EventMerger.Match::confidence).orElse(1.0));
            changed.add(eventId);
            if (match.isEmpty()) {
                // A new event is its one source: nothing to recompute, and no event matched it, so none is its twin.
                EventMerger.Dates dates = EventMerger.combine(List.of(happening.dates()));
                newEvents.add(new TimelineRepository.NewEvent(eventId, m.kind(), m.label(), dates, m.participants(), m.places(),
                        m.controls()));
                newSources.add(source);
                current.put(eventId, new EventMerger.Happening(m.kind(), dates, happening.participants(), happening.places()));
                continue;
            }
            // Joining an event changes it, and maybe makes it another's twin: done in the database, on all that came before.
            flush(newEvents, newSources);
            timeline.insertSources(List.of(source));
            timeline.recompute(eventId);
            Set<UUID> absorbed = absorbLookalikes(eventId);
            changed.addAll(absorbed);
            gone.addAll(absorbed);
            absorbed.forEach(current::remove);
            EventMerger.Happening now = timeline.happening(eventId);
            if (now != null) {
                current.put(eventId, now);
            }
        }
        flush(newEvents, newSources);
        if (!changed.isEmpty()) {
            // For live readers (the gateway's timelineEventChanged); committed with the change itself.
            outbox.publish(DossierEvents.TIMELINE_EVENTS_CHANGED, results.articleId().toString(),
                    new TimelineEventsChanged(results.articleId(), OffsetDateTime.now(ZoneOffset.UTC), List.copyOf(changed)));
        }
    }

    private void flush(List<TimelineRepository.NewEvent> events, List<TimelineRepository.NewSource> sources) {
        timeline.insertEvents(events);
        timeline.insertSources(sources);
        events.clear();
        sources.clear();
    }

    /**
     * A source can widen or narrow an event until it matches another one that arrived by another route ("last week's
     * negotiations in London" before "talks in London on June 10"): such events are folded into this one.
     */
    private Set<UUID> absorbLookalikes(UUID eventId) {
        Set<UUID> absorbed = new HashSet<>();
        for (int round = 0; round < 5; round++) {
            EventMerger.Happening event = timeline.happening(eventId);
            if (event == null) {
                return absorbed;
            }
            Map<UUID, EventMerger.Happening> others = new LinkedHashMap<>(
                    timeline.candidates(event));
            others.remove(eventId);
            Optional<EventMerger.Match> twin = EventMerger.bestMatch(event, others);
            if (twin.isEmpty()) {
                return absorbed;
            }
            absorbed.add(twin.get().eventId());
            timeline.moveSources(twin.get().eventId(), eventId, twin.get().reason());
            timeline.recompute(twin.get().eventId());
            timeline.recompute(eventId);
        }
        return absorbed;
    }

    public ArticlePlacement place(ArticleAnalyzed analysis) {
        ArticlePlacement placement = placements.findByIdOptional(analysis.articleId()).orElseGet(ArticlePlacement::new);
        placement.articleId = analysis.articleId();
        placement.timelinedAt = OffsetDateTime.now(ZoneOffset.UTC);
        placement.eventCount = (int) timeline.sourceCount(analysis.articleId());
        // Persisted only once complete: any flush before the commit would write a half-filled row, against NOT NULL.
        if (!placements.isPersistent(placement)) {
            placements.persist(placement);
        }
        outbox.publish(DossierEvents.ARTICLE_TIMELINED, analysis.articleId().toString(),
                new ArticleTimelined(analysis.articleId(), placement.timelinedAt, placement.eventCount));
        return placement;
    }

    /** Tells the pipeline that this article could not be placed on the timeline, and why. */
    public void reportFailure(UUID articleId, String reason) {
        outbox.publish(DossierEvents.TIMELINE_FAILED, articleId.toString(),
                new ArticleProcessingFailed(articleId, "timeline", reason, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ArticlePlacement> find(Collection<UUID> articleIds) {
        return articleIds.isEmpty() ? List.of() : placements.list("articleId in ?1", articleIds);
    }
}
