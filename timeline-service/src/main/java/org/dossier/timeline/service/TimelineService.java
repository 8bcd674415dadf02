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
import org.dossier.timeline.merge.BatchEvents;
import org.dossier.timeline.merge.EventMerger;
import org.dossier.timeline.repository.EntityTimelineRepository;
import org.dossier.timeline.repository.PlacementRepository;
import org.dossier.timeline.repository.TimelineRepository;

/**
 * Merges analysed articles' event mentions into timeline events ({@link #mergeAll}), then records their placement and
 * announces it ({@link #placeAll}). Re-analysis replaces an article's sources and recomputes what they touched.
 *
 * <p>The consumer only queues what each event reports ({@link #queue(AnalysisResults)}, {@link #queue(ArticleAnalyzed)});
 * {@link #flushQueued} does the work for all of a transaction's articles at once, with one candidate search and one
 * insert of each kind for all their mentions, instead of a dozen round trips per article.
 */
@ApplicationScoped
@Transactional
public class TimelineService {

    private final PlacementRepository placements;
    private final TimelineRepository timeline;
    private final EntityTimelineRepository entityTimelines;
    private final Outbox outbox;
    private final QueuedAnalyses queued;

    TimelineService(PlacementRepository placements, TimelineRepository timeline, EntityTimelineRepository entityTimelines,
            Outbox outbox, QueuedAnalyses queued) {
        this.placements = placements;
        this.timeline = timeline;
        this.entityTimelines = entityTimelines;
        this.outbox = outbox;
        this.queued = queued;
    }

    /** Queues an article's analysis results for {@link #flushQueued}, in this transaction. */
    public void queue(AnalysisResults results) {
        queued.add(results);
    }

    /** Queues the end of an article's analysis for {@link #flushQueued}, in this transaction. */
    public void queue(ArticleAnalyzed analysis) {
        queued.add(analysis);
    }

    /**
     * Merges, then places, what this transaction queued: every article's results are merged before any is placed, so
     * a placement counts its article's sources as merged (entity-service publishes an article's results before the end
     * of its analysis, on one key, so both are in one transaction or the results in an earlier one).
     */
    public void flushQueued() {
        mergeAll(queued.takeResults());
        placeAll(queued.takeAnalyses());
    }

    /**
     * Places articles' event mentions, in order: each joins the event it reports, or starts a new one. Their statements
     * take their place on their speakers' timelines.
     */
    public void mergeAll(List<AnalysisResults> batch) {
        if (batch.isEmpty()) {
            return;
        }
        timeline.lockTimeline();
        entityTimelines.replaceStatementsOf(batch);
        // Articles with sources already: those stored before, and those placed earlier in this batch.
        Set<UUID> placed = new HashSet<>(timeline.articlesWithSources(batch.stream().map(AnalysisResults::articleId).toList()));
        List<List<AnalysisResults.ExtractedEventMention>> placeable = batch.stream().map(results -> results.eventMentions().stream()
                .filter(m -> m.start() != null && m.end() != null && m.granularity() != null).toList()).toList(); // else nothing to place by
        List<EventMerger.Happening> happenings = placeable.stream().flatMap(List::stream).map(m -> new EventMerger.Happening(m.kind(),
                new EventMerger.Dates(m.start(), m.end(), EventMerger.Granularity.valueOf(m.granularity()), m.dateInferred()),
                Set.copyOf(m.participants()), Set.copyOf(m.places()))).toList();
        // Candidates of every mention in one query, as the timeline stood before this batch; what the batch itself
        // creates or changes is tracked here and offered too (bestMatch only accepts what that query would return).
        List<Map<UUID, EventMerger.Happening>> stored = timeline.candidatesOfAll(happenings);
        BatchEvents changed = new BatchEvents();
        List<TimelineRepository.NewEvent> newEvents = new ArrayList<>();
        List<TimelineRepository.NewSource> newSources = new ArrayList<>();
        List<Outbox.Keyed<TimelineEventsChanged>> announcements = new ArrayList<>();
        int next = 0;
        for (int article = 0; article < batch.size(); article++) {
            AnalysisResults results = batch.get(article);
            Set<UUID> touched = new LinkedHashSet<>();
            if (!placed.add(results.articleId())) {
                // Re-analysis: its old sources leave their events first, as if it had never been placed.
                flush(newEvents, newSources);
                for (UUID left : timeline.removeSourcesOf(results.articleId())) {
                    track(left, timeline.recompute(left), changed);
                    touched.add(left);
                }
            }
            for (AnalysisResults.ExtractedEventMention m : placeable.get(article)) {
                EventMerger.Happening happening = happenings.get(next);
                Optional<EventMerger.Match> match = EventMerger.bestMatch(happening, changed.offeredTo(happening, stored.get(next++)));
                UUID eventId = match.map(EventMerger.Match::eventId).orElseGet(UUID::randomUUID);
                TimelineRepository.NewSource source = new TimelineRepository.NewSource(eventId, results.articleId(), m.id(),
                        m.label(), m.quote(), m.span().start(), m.span().end(), happening.dates(), m.participants(), m.places(),
                        m.controls(), match.map(EventMerger.Match::reason).orElse("first report"),
                        match.map(EventMerger.Match::confidence).orElse(1.0));
                touched.add(eventId);
                if (match.isEmpty()) {
                    // A new event is its one source: nothing to recompute, and no event matched it, so none is its twin.
                    EventMerger.Dates dates = EventMerger.combine(List.of(happening.dates()));
                    newEvents.add(new TimelineRepository.NewEvent(eventId, m.kind(), m.label(), dates, m.participants(),
                            m.places(), m.controls()));
                    newSources.add(source);
                    changed.put(eventId, new EventMerger.Happening(m.kind(), dates, happening.participants(), happening.places()));
                    continue;
                }
                // Joining an event changes it, and maybe makes it another's twin: done in the database, on all that came before.
                flush(newEvents, newSources);
                timeline.insertSources(List.of(source));
                touched.addAll(absorbLookalikes(eventId, timeline.recompute(eventId), changed));
            }
            if (!touched.isEmpty()) {
                // For live readers (the gateway's timelineEventChanged); committed with the change itself.
                announcements.add(new Outbox.Keyed<>(results.articleId().toString(), new TimelineEventsChanged(results.articleId(),
                        OffsetDateTime.now(ZoneOffset.UTC), List.copyOf(touched))));
            }
        }
        flush(newEvents, newSources);
        outbox.publishAll(DossierEvents.TIMELINE_EVENTS_CHANGED, announcements);
    }

    /**
     * Offers an event as it now stands (as {@link TimelineRepository#recompute} left it) to the mentions still to come,
     * or withdraws it when it no longer exists.
     */
    private static void track(UUID eventId, EventMerger.Happening now, BatchEvents changed) {
        if (now == null) {
            changed.remove(eventId);
        } else {
            changed.put(eventId, now);
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
     * negotiations in London" before "talks in London on June 10"): such events are folded into this one. Tracks the
     * event and the twins it absorbed; returns the twins.
     */
    private Set<UUID> absorbLookalikes(UUID eventId, EventMerger.Happening event, BatchEvents changed) {
        Set<UUID> absorbed = new HashSet<>();
        for (int round = 0; round < 5 && event != null; round++) {
            Map<UUID, EventMerger.Happening> others = new LinkedHashMap<>(timeline.candidates(event));
            others.remove(eventId);
            Optional<EventMerger.Match> twin = EventMerger.bestMatch(event, others);
            if (twin.isEmpty()) {
                break;
            }
            UUID twinId = twin.get().eventId();
            absorbed.add(twinId);
            timeline.moveSources(twinId, eventId, twin.get().reason());
            track(twinId, timeline.recompute(twinId), changed);
            event = timeline.recompute(eventId);
        }
        track(eventId, event, changed);
        return absorbed;
    }

    /** Records that these articles are placed, with how many event mentions each, and announces it. */
    public void placeAll(List<ArticleAnalyzed> analyses) {
        if (analyses.isEmpty()) {
            return;
        }
        List<UUID> articles = analyses.stream().map(ArticleAnalyzed::articleId).distinct().toList();
        Map<UUID, Long> counts = timeline.sourceCounts(articles);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<ArticlePlacement> placed = articles.stream().map(article -> {
            ArticlePlacement placement = new ArticlePlacement();
            placement.articleId = article;
            placement.timelinedAt = now;
            placement.eventCount = counts.getOrDefault(article, 0L).intValue();
            return placement;
        }).toList();
        placements.upsert(placed);
        outbox.publishAll(DossierEvents.ARTICLE_TIMELINED, placed.stream().map(p -> new Outbox.Keyed<>(p.articleId.toString(),
                new ArticleTimelined(p.articleId, p.timelinedAt, p.eventCount))).toList());
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
