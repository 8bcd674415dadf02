package org.dossier.article;

import jakarta.persistence.Column;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored article and where it stands in the pipeline. */
@Entity
@Table(name = "article")
public class Article {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String text;
    public String title;
    public String url;
    public String source;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    public String language;
    @Column(name = "content_hash", nullable = false)
    public String contentHash;
    @Column(name = "duplicate_of")
    public UUID duplicateOf;
    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;
    @Column(name = "analyzed_at")
    public OffsetDateTime analyzedAt;
    @Column(name = "timelined_at")
    public OffsetDateTime timelinedAt;
    /** JSON list of {kind, start, end}: see TextAnatomy. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sections", nullable = false)
    public String sections = "[]";
    @Column(name = "published_hint")
    public String publishedHint;
    public byte[] minhash;
    @Column(name = "failed_stage")
    public String failedStage;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "failed_at")
    public OffsetDateTime failedAt;
}
