package org.dossier.gateway.graphql;

import io.quarkus.arc.ClientProxy;
import io.smallrye.graphql.api.Context;
import java.util.ArrayList;
import java.util.Collection;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dossier.gateway.client.ArticleClient;
import org.dossier.gateway.client.ArticleRecord;
import org.dossier.gateway.client.EntityClient;
import org.dossier.gateway.client.EntityLookup;
import org.dossier.gateway.client.EntityRecord;
import org.dossier.gateway.client.EntityTimelineEntryRecord;
import org.dossier.gateway.client.PageRecord;
import org.dossier.gateway.client.StatementFieldSelection;
import org.dossier.gateway.client.StatementRecord;
import org.dossier.gateway.client.TimelineClient;
import org.dossier.gateway.client.TimelineEventRecord;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

/**
 * Nested fields, each resolved for all parents of a level at once ({@code @Source List}): one downstream call per
 * level, whatever the number of parents.
 */
@GraphQLApi
public class NestedFields {

    private final ArticleClient articles;
    private final EntityClient entities;
    private final EntityLookup lookup;
    private final TimelineClient timeline;
    private final Context request;

    NestedFields(ArticleClient articles, EntityClient entities, EntityLookup lookup, TimelineClient timeline,
                 Context request) {
        this.articles = articles;
        this.entities = entities;
        this.lookup = lookup;
        this.timeline = timeline;
        this.request = request;
    }

    // ---- Article ---------------------------------------------------------------------------------------------------

    @Name("entities")
    @NonNull // through a CompletionStage, SmallRye does not read the inner list's @NonNull
    @Description("Every entity the article names, each once.")
    public CompletionStage<List<@NonNull List<@NonNull Entity>>> articleEntities(@Source List<Article> parents) {
        EntityLookup requestLookup = ClientProxy.unwrap(lookup); // the call may answer where no request context is active
        return entities.entitiesOfArticles(ids(parents, Article::uuid)).thenApply(byArticle -> {
            byArticle.values().forEach(requestLookup::remember);
            return parents.stream().map(a -> byArticle.getOrDefault(a.uuid(), List.of()).stream()
                    .map(e -> (Entity) EntityBase.of(e)).toList()).toList();
        });
    }

    @Name("statements")
    @NonNull // through a CompletionStage, SmallRye does not read the inner list's @NonNull
    @Description("The statements read from the article, in text order.")
    public CompletionStage<List<@NonNull List<@NonNull Statement>>> articleStatements(@Source List<Article> parents) {
        return entities.statementsOfArticles(ids(parents, Article::uuid)).thenApply(byArticle -> parents.stream()
                .map(a -> byArticle.getOrDefault(a.uuid(), List.of()).stream().map(Statement::new).toList()).toList());
    }

    @Name("events")
    @NonNull // through a CompletionStage, SmallRye does not read the inner list's @NonNull
    @Description("The timeline events the article reports.")
    public CompletionStage<List<@NonNull List<@NonNull TimelineEvent>>> articleEvents(@Source List<Article> parents) {
        return timeline.eventsOfArticles(ids(parents, Article::uuid)).thenApply(byArticle -> parents.stream()
                .map(a -> byArticle.getOrDefault(a.uuid(), List.of()).stream().map(TimelineEvent::new).toList()).toList());
    }

    // ---- TimelineEvent ---------------------------------------------------------------------------------------------

    @Name("participants")
    @NonNull
    @Description("Who took part.")
    public CompletionStage<List<@NonNull List<@NonNull Entity>>> participants(@Source List<TimelineEvent> parents) {
        return ofEachEvent(parents, TimelineEventRecord::participants, r -> (Entity) EntityBase.of(r));
    }

    @Name("places")
    @NonNull
    @Description("Where it happened.")
    public CompletionStage<List<@NonNull List<@NonNull Place>>> places(@Source List<TimelineEvent> parents) {
        return ofEachEvent(parents, TimelineEventRecord::places, Place::new);
    }

    @Name("controls")
    @NonNull
    @Description("The controls it concerns.")
    public CompletionStage<List<@NonNull List<@NonNull Control>>> eventControls(@Source List<TimelineEvent> parents) {
        return ofEachEvent(parents, TimelineEventRecord::controls, Control::new);
    }

    @Name("sources")
    @NonNull
    @Description("Every article that reports it, with the passage.")
    public CompletionStage<List<@NonNull List<@NonNull EventSource>>> sources(@Source List<TimelineEvent> parents) {
        return articlesById(parents.stream().flatMap(e -> e.record().sources().stream())
                .map(TimelineEventRecord.Source::articleId).toList())
                .thenApply(found -> parents.stream().map(e -> e.record().sources().stream()
                        .filter(s -> found.containsKey(s.articleId()))
                        .map(s -> new EventSource(found.get(s.articleId()), s.quote(), new Span(s.spanStart(), s.spanEnd())))
                        .toList()).toList());
    }

    @Name("statements")
    @NonNull
    @Description("What was said at it or about it: the statements of the articles that report it, said while it "
            + "happened or about one of its controls.")
    public CompletionStage<List<@NonNull List<@NonNull Statement>>> eventStatements(@Source List<TimelineEvent> parents) {
        return entities.statementsOfArticles(parents.stream().flatMap(e -> e.record().sources().stream())
                .map(TimelineEventRecord.Source::articleId).distinct().toList())
                .thenApply(byArticle -> parents.stream().map(e -> e.record().sources().stream()
                        .map(TimelineEventRecord.Source::articleId).distinct()
                        .flatMap(article -> byArticle.getOrDefault(article, List.of()).stream())
                        .filter(s -> saidAtOrAbout(e.record(), s)).map(Statement::new).toList()).toList());
    }

    static boolean saidAtOrAbout(TimelineEventRecord event, StatementRecord statement) {
        boolean about = statement.about() != null && statement.about().stream().anyMatch(event.controls()::contains);
        if (about || statement.saidFrom() == null || event.start() == null || event.end() == null) {
            return about;
        }
        LocalDate saidTo = statement.saidTo() == null ? statement.saidFrom() : statement.saidTo();
        return !statement.saidFrom().isAfter(event.end()) && !saidTo.isBefore(event.start());
    }

    @Name("duplicateOf")
    @Description("The article this one repeats, when it is a duplicate.")
    public CompletionStage<List<Article>> duplicateOf(@Source List<Article> parents) {
        return articlesById(parents.stream().map(Article::duplicateOfId).filter(Objects::nonNull).toList())
                .thenApply(found -> parents.stream()
                        .map(a -> a.duplicateOfId() == null ? null : found.get(a.duplicateOfId())).toList());
    }

    // ---- Statement -------------------------------------------------------------------------------------------------

    @Name("speaker")
    @Description("The resolved speaker; null when anonymous.")
    public CompletionStage<List<Entity>> speaker(@Source List<Statement> parents) {
        return lookup.get(ids(parents, s -> s.record().speakerId())).thenApply(found -> parents.stream()
                .map(s -> (Entity) entityOrNull(found.get(s.record().speakerId()))).toList());
    }

    @Name("about")
    @NonNull // through a CompletionStage, SmallRye does not read the inner list's @NonNull
    @Description("The controls the statement is about, including ones it excludes.")
    public CompletionStage<List<@NonNull List<@NonNull Control>>> about(@Source List<Statement> parents) {
        // loops, not streams: 1,000 statements and 2,500 ids per level on the flagship query
        List<UUID> wanted = new ArrayList<>(parents.size() * 3);
        for (Statement statement : parents) {
            wanted.addAll(statement.record().about());
        }
        return lookup.get(wanted).thenApply(found -> {
            List<List<Control>> controls = new ArrayList<>(parents.size());
            for (Statement statement : parents) {
                List<UUID> about = statement.record().about();
                List<Control> those = new ArrayList<>(about.size());
                for (UUID id : about) {
                    EntityRecord control = found.get(id);
                    if (control != null) {
                        those.add(new Control(control));
                    }
                }
                controls.add(those);
            }
            return controls;
        });
    }

    @Name("reportedBy")
    @Description("The outlet the article cites for the statement.")
    public CompletionStage<List<Organization>> reportedBy(@Source List<Statement> parents) {
        return lookup.get(ids(parents, s -> s.record().reportedById())).thenApply(found -> parents.stream().map(s -> {
            EntityRecord r = found.get(s.record().reportedById());
            return r == null ? null : new Organization(r);
        }).toList());
    }

    @Name("article")
    @NonNull
    @Description("The article the statement was read from.")
    public CompletionStage<List<@NonNull Article>> statementArticle(@Source List<Statement> parents) {
        return articlesById(ids(parents, s -> s.record().articleId())).thenApply(found -> {
            List<Article> articles = new ArrayList<>(parents.size());
            for (Statement statement : parents) {
                articles.add(found.get(statement.record().articleId()));
            }
            return articles;
        });
    }

    // ---- entities --------------------------------------------------------------------------------------------------

    @Name("country")
    @Description("The person's country.")
    public CompletionStage<List<Country>> personCountry(@Source List<Person> parents) {
        return countries(parents);
    }

    @Name("country")
    @Description("The organisation's country.")
    public CompletionStage<List<Country>> organizationCountry(@Source List<Organization> parents) {
        return countries(parents);
    }

    @Name("country")
    @Description("The country the place is in.")
    public CompletionStage<List<Country>> placeCountry(@Source List<Place> parents) {
        return countries(parents);
    }

    @Name("organization")
    @Description("The organisation the post belongs to.")
    public CompletionStage<List<Organization>> roleOrganization(@Source List<Role> parents) {
        return lookup.get(ids(parents, Role::organizationId)).thenApply(found -> parents.stream().map(r -> {
            EntityRecord e = found.get(r.organizationId());
            return e == null ? null : new Organization(e);
        }).toList());
    }

    @Name("statements")
    @NonNull
    @Description("What the person said, newest first.")
    public CompletionStage<List<Connections.@NonNull StatementConnection>> personStatements(@Source List<Person> parents,
                                                                          @DefaultValue("20") int first, String after,
                                                                          Filters.StatementFilter filter) {
        int size = Limits.pageSize(first);
        UUID about = filter == null || filter.about == null ? null : GlobalId.decode(filter.about, "Control");
        StatementFieldSelection selection = StatementSelection.of(request);
        if (after == null && (filter == null || (filter.from == null && filter.to == null))) {
            return entities.statementsBySpeaker(ids(parents, p -> p.record().id()), about, size, selection).thenApply(pages -> {
                List<Connections.StatementConnection> connections = new ArrayList<>(parents.size());
                for (Person person : parents) {
                    connections.add(Connections.statements(pages.getOrDefault(person.record().id(), PageRecord.empty())));
                }
                return connections;
            });
        }
        // A cursor or a date range belongs to one list: page through each parent on its own.
        return inTurn(parents, p -> entities.statementPage(about, p.record().id(),
                filter == null ? null : filter.from, filter == null ? null : filter.to, size, after, selection)
                .thenApply(Connections::statements));
    }

    @Name("imposedBy")
    @Description("The country imposing the control.")
    public CompletionStage<List<Country>> imposedBy(@Source List<Control> parents) {
        List<UUID> wanted = new ArrayList<>(parents.size());
        for (Control control : parents) {
            wanted.add(control.record().control() == null ? null : control.record().control().imposedById());
        }
        return lookup.get(wanted).thenApply(found -> {
            List<Country> countries = new ArrayList<>(parents.size());
            for (UUID id : wanted) {
                countries.add(id == null ? null : country(found.get(id)));
            }
            return countries;
        });
    }

    @Name("targets")
    @NonNull
    @Description("The countries the control targets; empty when it applies to all.")
    public CompletionStage<List<@NonNull List<@NonNull Country>>> targets(@Source List<Control> parents) {
        return related(parents, EntityRecord.ControlRecord::targetIds, Country::new);
    }

    @Name("items")
    @NonNull
    @Description("The items the control covers.")
    public CompletionStage<List<@NonNull List<@NonNull Commodity>>> items(@Source List<Control> parents) {
        return related(parents, EntityRecord.ControlRecord::itemIds, Commodity::new);
    }

    @Name("statements")
    @NonNull
    @Description("What was said about the control, by anyone, newest first.")
    public CompletionStage<List<Connections.@NonNull StatementConnection>> controlStatements(@Source List<Control> parents,
                                                                           @DefaultValue("20") int first, String after,
                                                                           Filters.StatementFilter filter) {
        int size = Limits.pageSize(first);
        StatementFieldSelection selection = StatementSelection.of(request);
        if (after == null && filter == null) {
            return entities.statementsByControl(ids(parents, c -> c.record().id()), size, selection).thenApply(pages -> parents.stream()
                    .map(c -> Connections.statements(pages.getOrDefault(c.record().id(), PageRecord.empty()))).toList());
        }
        UUID speaker = filter == null || filter.speaker == null ? null : GlobalId.decode(filter.speaker).id();
        return inTurn(parents, c -> entities.statementPage(c.record().id(), speaker,
                filter == null ? null : filter.from, filter == null ? null : filter.to, size, after, selection)
                .thenApply(Connections::statements));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private <T extends EntityBase> CompletionStage<List<Country>> countries(List<T> parents) {
        return lookup.get(ids(parents, p -> p.record().countryId()))
                .thenApply(found -> parents.stream().map(p -> country(found.get(p.record().countryId()))).toList());
    }

    /** For each event, the entities of one of its id lists that exist, wrapped: one lookup for all events. */
    private <T> CompletionStage<List<List<T>>> ofEachEvent(List<TimelineEvent> parents,
                                                           Function<TimelineEventRecord, List<UUID>> ids,
                                                           Function<EntityRecord, T> wrap) {
        return lookup.get(parents.stream().flatMap(e -> ids.apply(e.record()).stream()).toList())
                .thenApply(found -> parents.stream().map(e -> ids.apply(e.record()).stream().map(found::get)
                        .filter(Objects::nonNull).map(wrap).toList()).toList());
    }

    private <T> CompletionStage<List<List<T>>> related(List<Control> parents,
                                                       Function<EntityRecord.ControlRecord, List<UUID>> ids,
                                                       Function<EntityRecord, T> wrap) {
        List<UUID> asked = parents.stream().map(c -> c.record().control()).filter(Objects::nonNull)
                .flatMap(c -> ids.apply(c) == null ? java.util.stream.Stream.empty() : ids.apply(c).stream()).toList();
        return lookup.get(asked).thenApply(found -> {
            List<List<T>> out = new ArrayList<>();
            for (Control c : parents) {
                List<UUID> wanted = c.record().control() == null || ids.apply(c.record().control()) == null ? List.of()
                        : ids.apply(c.record().control());
                out.add(wanted.stream().map(found::get).filter(Objects::nonNull).map(wrap).toList());
            }
            return out;
        });
    }

    private static Country country(EntityRecord r) {
        return r == null ? null : new Country(r);
    }

    private static EntityBase entityOrNull(EntityRecord r) {
        return r == null ? null : EntityBase.of(r);
    }

    private CompletionStage<Map<UUID, Article>> articlesById(Collection<UUID> ids) {
        List<UUID> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        return articles.lookup(distinct).thenApply(found -> found.stream()
                .collect(Collectors.toMap(ArticleRecord::id, ArticleGraph::toArticle, (a, b) -> a)));
    }

    // ---- Entity timelines: what a person, organisation or country took part in and said -----------------------------

    private static final String TIMELINE = "The events it took part in and the statements it made, oldest first.";

    @Name("timeline")
    @NonNull
    @Description(TIMELINE)
    public CompletionStage<List<Connections.@NonNull EntityTimelineConnection>> personTimeline(@Source List<Person> parents,
                                                                             @DefaultValue("20") int first, String after) {
        return entityTimelines(parents, first, after);
    }

    @Name("timeline")
    @NonNull
    @Description(TIMELINE)
    public CompletionStage<List<Connections.@NonNull EntityTimelineConnection>> organizationTimeline(@Source List<Organization> parents,
                                                                                   @DefaultValue("20") int first, String after) {
        return entityTimelines(parents, first, after);
    }

    @Name("timeline")
    @NonNull
    @Description(TIMELINE)
    public CompletionStage<List<Connections.@NonNull EntityTimelineConnection>> countryTimeline(@Source List<Country> parents,
                                                                              @DefaultValue("20") int first, String after) {
        return entityTimelines(parents, first, after);
    }

    /** Two calls for all parents: their timelines (events included) and the statements on them. */
    private CompletionStage<List<Connections.EntityTimelineConnection>> entityTimelines(List<? extends EntityBase> parents,
                                                                                      int first, String after) {
        return timeline.entityTimelines(ids(parents, p -> p.record().id()), Limits.pageSize(first), after)
                .thenCompose(pages -> entities.statements(pages.values().stream()
                                .flatMap(page -> page.items().stream())
                                .filter(e -> EntityTimelineEntryRecord.STATEMENT.equals(e.kind()))
                                .map(EntityTimelineEntryRecord::id).collect(Collectors.toSet()))
                        .thenApply(found -> timelineConnections(parents, pages, found.stream()
                                .collect(Collectors.toMap(StatementRecord::id, Function.identity(), (a, b) -> a)))));
    }

    private static List<Connections.EntityTimelineConnection> timelineConnections(List<? extends EntityBase> parents,
            Map<UUID, PageRecord<EntityTimelineEntryRecord>> pages, Map<UUID, StatementRecord> statements) {
        return parents.stream().map(p -> {
            PageRecord<EntityTimelineEntryRecord> page = pages.getOrDefault(p.record().id(), PageRecord.empty());
            List<Connections.EntityTimelineEdge> edges = new ArrayList<>();
            for (int i = 0; i < page.items().size(); i++) {
                EntityTimelineEntryRecord entry = page.items().get(i);
                EntityTimelineItem node = EntityTimelineEntryRecord.EVENT.equals(entry.kind())
                        ? (entry.event() == null ? null : new TimelineEvent(entry.event()))
                        : (statements.containsKey(entry.id()) ? new Statement(statements.get(entry.id())) : null);
                if (node != null) { // gone between the two calls (an article analysed again): left out
                    edges.add(new Connections.EntityTimelineEdge(node, page.cursors().get(i)));
                }
            }
            return new Connections.EntityTimelineConnection(edges, Connections.pageInfo(page), (int) page.totalCount());
        }).toList();
    }

    /** One call per parent, each made when the one before has answered (as many at once would load the service). */
    private static <P, R> CompletionStage<List<R>> inTurn(List<P> parents, Function<P, CompletionStage<R>> call) {
        CompletionStage<List<R>> answered = CompletableFuture.completedFuture(new ArrayList<>(parents.size()));
        for (P parent : parents) {
            answered = answered.thenCompose(list -> call.apply(parent).thenApply(value -> {
                list.add(value);
                return list;
            }));
        }
        return answered;
    }

    /** The parents' ids, each once, nulls left out. */
    private static <T> List<UUID> ids(List<T> parents, Function<T, UUID> id) {
        Set<UUID> distinct = new LinkedHashSet<>();
        for (T parent : parents) {
            UUID value = id.apply(parent);
            if (value != null) {
                distinct.add(value);
            }
        }
        return new ArrayList<>(distinct);
    }
}
