package org.dossier.gateway.graphql;

import io.quarkus.arc.ClientProxy;
import io.smallrye.graphql.api.Context;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.dossier.gateway.client.ArticleClient;
import org.dossier.gateway.client.ArticleRecord;
import org.dossier.gateway.client.EntityClient;
import org.dossier.gateway.client.EntityLookup;
import org.dossier.gateway.client.EntityRecord;
import org.dossier.gateway.client.TimelineClient;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The root queries. */
@GraphQLApi
public class ArticleGraph {

    static final String ARTICLE = "Article";
    private static final Set<String> ENTITY_TYPES = Set.of("Person", "Organization", "Country", "Place", "Control", "Commodity");

    private final ArticleClient articles;
    private final EntityClient entities;
    private final EntityLookup lookup;
    private final TimelineClient timelines;
    private final Context request;

    ArticleGraph(ArticleClient articles, EntityClient entities, EntityLookup lookup, TimelineClient timelines,
                 Context request) {
        this.articles = articles;
        this.entities = entities;
        this.lookup = lookup;
        this.timelines = timelines;
        this.request = request;
    }

    @Query
    @Description("One article by its id (or the id the ingest API returned), or null if there is none.")
    public CompletionStage<Article> article(@Id @NonNull String id) {
        UUID uuid = articleId(id);
        return articles.lookup(List.of(uuid)).thenApply(found -> found.stream().findFirst().map(ArticleGraph::toArticle).orElse(null));
    }

    @Query
    @Description("Any object by its global id, or null if there is none.")
    public CompletionStage<Node> node(@Id @NonNull String id) {
        if (isUuid(id)) {
            return article(id).thenApply(Node.class::cast);
        }
        GlobalId decoded = GlobalId.decode(id);
        if (ARTICLE.equals(decoded.type())) {
            return article(id).thenApply(Node.class::cast);
        }
        if (ENTITY_TYPES.contains(decoded.type())) {
            return entity(id).thenApply(Node.class::cast);
        }
        if (TimelineEvent.TYPE.equals(decoded.type())) {
            return timelines.events(List.of(decoded.id()))
                    .thenApply(found -> found.stream().findFirst().map(TimelineEvent::new).orElse(null));
        }
        if (Statement.TYPE.equals(decoded.type())) {
            return entities.statements(List.of(decoded.id()))
                    .thenApply(found -> found.stream().findFirst().map(Statement::new).orElse(null));
        }
        throw new InvalidIdException("no object type " + decoded.type() + " is served by this gateway: " + id);
    }

    @Query
    @NonNull
    @Description("Articles, newest first, or by relevance when searching; duplicates point at what they duplicate.")
    public CompletionStage<Connections.ArticleConnection> articles(@DefaultValue("20") int first, String after,
                                                                  Filters.ArticleFilter filter) {
        int size = Limits.pageSize(first);
        return articles.search(filter == null ? null : filter.search, filter == null ? null : filter.source,
                filter == null || filter.from == null ? null : filter.from.toString(),
                filter == null || filter.to == null ? null : filter.to.toString(), size, after).thenApply(page -> {
            List<Connections.ArticleEdge> edges = page.items().stream()
                    .map(h -> new Connections.ArticleEdge(toArticle(h.article()), h.cursor() == null ? "" : h.cursor())).toList();
            return new Connections.ArticleConnection(edges, new PageInfo(page.hasNextPage(), page.endCursor()), (int) page.totalCount());
        });
    }

    @Query
    @Description("One entity by its id, or null if there is none.")
    public CompletionStage<Entity> entity(@Id @NonNull String id) {
        GlobalId decoded = GlobalId.decode(id);
        if (!ENTITY_TYPES.contains(decoded.type())) {
            throw new InvalidIdException(id + " is the id of a " + decoded.type() + ", not of an entity");
        }
        return lookup.get(List.of(decoded.id())).thenApply(found -> {
            EntityRecord r = found.get(decoded.id());
            return r == null ? null : EntityBase.of(r);
        });
    }

    @Query
    @NonNull
    @Description("Canonical entities, by name.")
    public CompletionStage<Connections.EntityConnection> entities(@DefaultValue("50") int first, String after,
                                                                 Filters.EntityFilter filter) {
        EntityLookup requestLookup = ClientProxy.unwrap(lookup); // the call may answer where no request context is active
        return entities.entityPage(filter == null || filter.kind == null ? null : filter.kind.name(),
                filter == null ? null : filter.search, Limits.pageSize(first), after).thenApply(page -> {
            requestLookup.remember(page.items());
            return new Connections.EntityConnection(Connections.edges(page, r -> (Entity) EntityBase.of(r), Connections.EntityEdge::new),
                    Connections.pageInfo(page), (int) page.totalCount());
        });
    }

    @Query
    @NonNull
    @Description("People who hold or held a public post, or whom the texts quote, by name.")
    public CompletionStage<Connections.PersonConnection> officials(@DefaultValue("50") int first, String after,
                                                                  Filters.OfficialFilter filter) {
        UUID country = filter == null || filter.country == null ? null : GlobalId.decode(filter.country, "Country");
        EntityLookup requestLookup = ClientProxy.unwrap(lookup); // the call may answer where no request context is active
        return entities.officials(country, filter == null ? null : filter.search, Limits.pageSize(first), after).thenApply(page -> {
            requestLookup.remember(page.items());
            return new Connections.PersonConnection(Connections.edges(page, Person::new, Connections.PersonEdge::new),
                    Connections.pageInfo(page), (int) page.totalCount());
        });
    }

    @Query
    @NonNull
    @Description("Statements by anyone, filtered by control, speaker and date, newest first.")
    public CompletionStage<Connections.StatementConnection> statements(@DefaultValue("50") int first, String after,
                                                                      Filters.StatementFilter filter) {
        UUID about = filter == null || filter.about == null ? null : GlobalId.decode(filter.about, "Control");
        UUID speaker = filter == null || filter.speaker == null ? null : GlobalId.decode(filter.speaker).id();
        return entities.statementPage(about, speaker, filter == null ? null : filter.from,
                filter == null ? null : filter.to, Limits.pageSize(first), after, StatementSelection.of(request))
                .thenApply(Connections::statements);
    }

    @Query
    @NonNull
    @Description("Dated events merged across articles, each with every source, in date order.")
    public CompletionStage<Connections.TimelineEventConnection> timeline(@DefaultValue("50") int first, String after,
                                                                        Filters.TimelineFilter filter) {
        UUID entity = filter == null || filter.entity == null ? null : GlobalId.decode(filter.entity).id();
        UUID control = filter == null || filter.control == null ? null : GlobalId.decode(filter.control, "Control");
        return timelines.timeline(filter == null ? null : filter.from, filter == null ? null : filter.to, entity, control,
                Limits.pageSize(first), after).thenApply(page -> new Connections.TimelineEventConnection(
                Connections.edges(page, TimelineEvent::new, Connections.TimelineEventEdge::new),
                Connections.pageInfo(page), (int) page.totalCount()));
    }

    /** An article id: the global id, or the id the ingest API answered with (article-service's UUID). */
    static UUID articleId(String id) {
        return isUuid(id) ? UUID.fromString(id) : GlobalId.decode(id, ARTICLE);
    }

    private static boolean isUuid(String id) {
        return id.length() == 36 && id.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    }

    static Article toArticle(ArticleRecord r) {
        ArticleRecord.ProcessingRecord p = r.processing();
        return new Article(r.id(), r.duplicateOf(), GlobalId.of(ARTICLE, r.id()), r.title(), r.url(), r.source(), r.publishedAt(),
                processing(p));
    }

    private static Processing processing(ArticleRecord.ProcessingRecord p) {
        if (p == null) {
            return new Processing(true, false, false, null, null, List.of());
        }
        ArticleRecord.FailureRecord f = p.failure();
        return new Processing(p.stored(), p.analyzed(), p.timelined(), p.analyzedAt(), p.timelinedAt(),
                f == null ? List.of() : List.of(new ProcessingFailure(f.stage(), f.reason() == null ? "" : f.reason(), f.at())));
    }
}
