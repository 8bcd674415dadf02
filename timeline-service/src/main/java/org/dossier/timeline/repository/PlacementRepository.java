package org.dossier.timeline.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import org.dossier.timeline.ArticlePlacement;
import org.hibernate.Session;

@ApplicationScoped
public class PlacementRepository implements PanacheRepositoryBase<ArticlePlacement, UUID> {

    /** Records placements in one round trip; an article placed again gets its new time and count. */
    public void upsert(List<ArticlePlacement> placed) {
        if (placed.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO article_placement (article_id, timelined_at, event_count) VALUES (?, ?, ?)
                    ON CONFLICT (article_id) DO UPDATE SET timelined_at = excluded.timelined_at, event_count = excluded.event_count""")) {
                for (ArticlePlacement p : placed) {
                    upsert.setObject(1, p.articleId);
                    upsert.setObject(2, p.timelinedAt);
                    upsert.setInt(3, p.eventCount);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }
}
