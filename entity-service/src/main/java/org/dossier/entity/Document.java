package org.dossier.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An article as entity-service knows it: the text it analysed and what the analysis found. */
@Entity
@Table(name = "document")
public class Document {
    @Id
    @Column(name = "article_id")
    public UUID articleId;
    @Column(nullable = false)
    public String text;
    /** The article's title, or null: read for the speaker of a transcript whose turns are labelled generically. */
    public String title;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    public String language;
    @Column(name = "duplicate_of")
    public UUID duplicateOf;
    @Column(name = "analyzed_at", nullable = false)
    public OffsetDateTime analyzedAt;
    @Column(name = "mention_count")
    public int mentionCount;
    @Column(name = "statement_count")
    public int statementCount;
    @Column(name = "token_count")
    public int tokenCount;
    /** Why the analysis found nothing or less than usual (unsupported language, unknown publication date). */
    public String note;
    /** The body ranges analysed, "start:end,start:end"; null means the whole text. */
    @Column(name = "analysis_ranges")
    public String ranges;
}
