package org.dossier.gateway.graphql;

import java.util.List;
import java.util.UUID;
import org.dossier.gateway.client.ArticleClient;
import org.dossier.gateway.client.ArticleRecord;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
public class ArticleGraph {

    static final String ARTICLE = "Article";

    private final ArticleClient articles;

    ArticleGraph(ArticleClient articles) {
        this.articles = articles;
    }

    @Query
    @Description("One article by its id, or null if there is none.")
    public Article article(@Id @NonNull String id) {
        UUID uuid = GlobalId.decode(id, ARTICLE);
        return articles.lookup(List.of(uuid)).stream().findFirst().map(ArticleGraph::toArticle).orElse(null);
    }

    @Query
    @Description("Any object by its global id, or null if there is none.")
    public Node node(@Id @NonNull String id) {
        GlobalId decoded = GlobalId.decode(id);
        if (ARTICLE.equals(decoded.type())) {
            return article(id);
        }
        throw new InvalidIdException("no object type " + decoded.type() + " is served by this gateway yet: " + id);
    }

    static Article toArticle(ArticleRecord r) {
        ArticleRecord.ProcessingRecord p = r.processing();
        return new Article(GlobalId.of(ARTICLE, r.id()), r.title(), r.url(), r.source(), r.publishedAt(),
                new Processing(p == null || p.stored(), p != null && p.analyzed(), p != null && p.timelined()));
    }
}
