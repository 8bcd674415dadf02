package org.dossier.article;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored article and where it stands in the pipeline. */
@Entity
@Table(name = "article")
public class Article {
    @Id
    public UUID id;
    /**
     * Loaded only when read: no read path serves it (entity-service gets the text from the stored event), and a batch
     * lookup of 1,000 articles for the gateway otherwise carried every text from the database.
     */
    @Basic(fetch = FetchType.LAZY)
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
    /** Read only by the near-duplicate search, in SQL; lazy like the text. */
    @Basic(fetch = FetchType.LAZY)
    public byte[] minhash;
    @Column(name = "failed_stage")
    public String failedStage;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "failed_at")
    public OffsetDateTime failedAt;
}
