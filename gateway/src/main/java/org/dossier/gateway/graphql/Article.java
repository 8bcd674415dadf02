package org.dossier.gateway.graphql;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Article")
@Description("A news article or official text, as a partner submitted it.")
public class Article implements Node {
    private final String id;
    private final String title;
    private final String url;
    private final String source;
    private final OffsetDateTime publishedAt;
    private final Processing processing;
    private final java.util.UUID uuid;
    private final java.util.UUID duplicateOfId;

    public Article(java.util.UUID uuid, java.util.UUID duplicateOfId, String id, String title, String url, String source,
                   OffsetDateTime publishedAt, Processing processing) {
        this.uuid = uuid;
        this.duplicateOfId = duplicateOfId;
        this.id = id;
        this.title = title;
        this.url = url;
        this.source = source;
        this.publishedAt = publishedAt;
        this.processing = processing;
    }

    @Override
    @Id
    @NonNull
    public String getId() {
        return id;
    }

    @Description("The title, as supplied or as found in the text.")
    public String getTitle() {
        return title;
    }

    @Description("The original URL.")
    public String getUrl() {
        return url;
    }

    @Description("The outlet or partner that supplied the article.")
    public String getSource() {
        return source;
    }

    @Description("When it was published, when known.")
    public OffsetDateTime getPublishedAt() {
        return publishedAt;
    }

    @NonNull
    @Description("Where the article stands in the pipeline.")
    public Processing getProcessing() {
        return processing;
    }

    /** The article-service id (not a field). */
    public java.util.UUID uuid() {
        return uuid;
    }

    /** The id of the article this one duplicates, if any (not a field). */
    public java.util.UUID duplicateOfId() {
        return duplicateOfId;
    }
}
