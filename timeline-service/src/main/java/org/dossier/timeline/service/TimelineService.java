package org.dossier.timeline.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.dossier.events.ArticleAnalyzed;
import org.dossier.events.ArticleProcessingFailed;
import org.dossier.events.ArticleTimelined;
import org.dossier.events.DossierEvents;
import org.dossier.messaging.Outbox;
import org.dossier.timeline.ArticlePlacement;
import org.dossier.timeline.repository.PlacementRepository;

/**
 * Places each analysed article's event mentions on the timeline. Merging mentions into events plugs in here; until
 * it does, a placement records the article with no events, so the pipeline reports its last stage for real.
 */
@ApplicationScoped
@Transactional
public class TimelineService {

    private final PlacementRepository placements;
    private final Outbox outbox;

    TimelineService(PlacementRepository placements, Outbox outbox) {
        this.placements = placements;
        this.outbox = outbox;
    }

    public ArticlePlacement place(ArticleAnalyzed analysis) {
        ArticlePlacement placement = placements.findByIdOptional(analysis.articleId()).orElseGet(ArticlePlacement::new);
        placement.articleId = analysis.articleId();
        placement.timelinedAt = OffsetDateTime.now(ZoneOffset.UTC);
        placement.eventCount = 0;
        // Persisted only once complete: the outbox insert below flushes, and a half-filled row would violate NOT NULL.
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
