package org.dossier.timeline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One article's event mentions placed on the timeline. */
@Entity
@Table(name = "article_placement")
public class ArticlePlacement {
    @Id
    @Column(name = "article_id")
    public UUID articleId;
    @Column(name = "timelined_at", nullable = false)
    public OffsetDateTime timelinedAt;
    @Column(name = "event_count")
    public int eventCount;
}
