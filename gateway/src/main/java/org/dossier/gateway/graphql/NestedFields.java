package org.dossier.gateway.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dossier.gateway.client.ArticleClient;
import org.dossier.gateway.client.ArticleRecord;
import org.dossier.gateway.client.EntityClient;
import org.dossier.gateway.client.EntityLookup;
import org.dossier.gateway.client.EntityRecord;
import org.dossier.gateway.client.EntityTimelineEntryRecord;
import org.dossier.gateway.client.PageRecord;
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

    NestedFields(ArticleClient articles, EntityClient entities, EntityLookup lookup, TimelineClient timeline) {
        this.articles = articles;
        this.entities = entities;
        this.lookup = lookup;
        this.timeline = timeline;
    }

    // ---- Article ---------------------------------------------------------------------------------------------------

    @Name("entities")
    @Description("Every entity the article names, each once.")
    public List<@NonNull List<@NonNull Entity>> articleEntities(@Source List<Article> parents) {
        Map<UUID, List<EntityRecord>> byArticle = entities.entitiesOfArticles(ids(parents, Article::uuid));
        byArticle.values().forEach(lookup::remember);
        return parents.stream().map(a -> byArticle.getOrDefault(a.uuid(), List.of()).stream()
                .map(e -> (Entity) EntityBase.of(e)).toList()).toList();
    }

    @Name("statements")
    @Description("The statements read from the article, in text order.")
    public List<@NonNull List<@NonNull Statement>> articleStatements(@Source List<Article> parents) {
        Map<UUID, List<StatementRecord>> byArticle = entities.statementsOfArticles(ids(parents, Article::uuid));
        return parents.stream().map(a -> byArticle.getOrDefault(a.uuid(), List.of()).stream().map(Statement::new).toList()).toList();
    }

    @Name("events")
    @Description("The timeline events the article reports.")
    public List<@NonNull List<@NonNull TimelineEvent>> articleEvents(@Source List<Article> parents) {
        Map<UUID, List<TimelineEventRecord>> byArticle = timeline.eventsOfArticles(ids(parents, Article::uuid));
        return parents.stream().map(a -> byArticle.getOrDefault(a.uuid(), List.of()).stream().map(TimelineEvent::new).toList()).toList();
    }

    // ---- TimelineEvent ---------------------------------------------------------------------------------------------

    @Name("participants")
    @NonNull
    @Description("Who took part.")
    public List<@NonNull List<@NonNull Entity>> participants(@Source List<TimelineEvent> parents) {
        Map<UUID, EntityRecord> found = lookup.get(parents.stream().flatMap(e -> e.record().participants().stream()).toList());
        return parents.stream().map(e -> e.record().participants().stream().map(found::get).filter(Objects::nonNull)
                .map(r -> (Entity) EntityBase.of(r)).toList()).toList();
    }

    @Name("places")
    @NonNull
    @Description("Where it happened.")
    public List<@NonNull List<@NonNull Place>> places(@Source List<TimelineEvent> parents) {
        Map<UUID, EntityRecord> found = lookup.get(parents.stream().flatMap(e -> e.record().places().stream()).toList());
        return parents.stream().map(e -> e.record().places().stream().map(found::get).filter(Objects::nonNull)
                .map(Place::new).toList()).toList();
    }

    @Name("controls")
    @NonNull
    @Description("The controls it concerns.")
    public List<@NonNull List<@NonNull Control>> eventControls(@Source List<TimelineEvent> parents) {
        Map<UUID, EntityRecord> found = lookup.get(parents.stream().flatMap(e -> e.record().controls().stream()).toList());
        return parents.stream().map(e -> e.record().controls().stream().map(found::get).filter(Objects::nonNull)
                .map(Control::new).toList()).toList();
    }

    @Name("sources")
    @NonNull
    @Description("Every article that reports it, with the passage.")
    public List<@NonNull List<@NonNull EventSource>> sources(@Source List<TimelineEvent> parents) {
        Map<UUID, Article> found = articlesById(parents.stream().flatMap(e -> e.record().sources().stream())
                .map(TimelineEventRecord.Source::articleId).toList());
        return parents.stream().map(e -> e.record().sources().stream().filter(s -> found.containsKey(s.articleId()))
                .map(s -> new EventSource(found.get(s.articleId()), s.quote(), new Span(s.spanStart(), s.spanEnd()))).toList()).toList();
    }

    @Name("statements")
    @NonNull
    @Description("What was said at it or about it: the statements of the articles that report it, said while it "
            + "happened or about one of its controls.")
    public List<@NonNull List<@NonNull Statement>> eventStatements(@Source List<TimelineEvent> parents) {
        Map<UUID, List<StatementRecord>> byArticle = entities.statementsOfArticles(parents.stream()
                .flatMap(e -> e.record().sources().stream()).map(TimelineEventRecord.Source::articleId).distinct().toList());
        return parents.stream().map(e -> e.record().sources().stream().map(TimelineEventRecord.Source::articleId).distinct()
                .flatMap(article -> byArticle.getOrDefault(article, List.of()).stream())
                .filter(s -> saidAtOrAbout(e.record(), s)).map(Statement::new).toList()).toList();
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
    public List<Article> duplicateOf(@Source List<Article> parents) {
        Map<UUID, Article> found = articlesById(parents.stream().map(Article::duplicateOfId).filter(Objects::nonNull).toList());
        return parents.stream().map(a -> a.duplicateOfId() == null ? null : found.get(a.duplicateOfId())).toList();
    }

    // ---- Statement -------------------------------------------------------------------------------------------------

    @Name("speaker")
    @Description("The resolved speaker; null when anonymous.")
    public List<Entity> speaker(@Source List<Statement> parents) {
        Map<UUID, EntityRecord> found = lookup.get(ids(parents, s -> s.record().speakerId()));
        return parents.stream().map(s -> (Entity) entityOrNull(found.get(s.record().speakerId()))).toList();
    }

    @Name("about")
    @Description("The controls the statement is about, including ones it excludes.")
    public List<@NonNull List<@NonNull Control>> about(@Source List<Statement> parents) {
        // loops, not streams: 1,000 statements and 2,500 ids per level on the flagship query
        List<UUID> wanted = new ArrayList<>(parents.size() * 3);
        for (Statement statement : parents) {
            wanted.addAll(statement.record().about());
        }
        Map<UUID, EntityRecord> found = lookup.get(wanted);
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
    }

    @Name("reportedBy")
    @Description("The outlet the article cites for the statement.")
    public List<Organization> reportedBy(@Source List<Statement> parents) {
        Map<UUID, EntityRecord> found = lookup.get(ids(parents, s -> s.record().reportedById()));
        return parents.stream().map(s -> {
            EntityRecord r = found.get(s.record().reportedById());
            return r == null ? null : new Organization(r);
        }).toList();
    }

    @Name("article")
    @NonNull
    @Description("The article the statement was read from.")
    public List<@NonNull Article> statementArticle(@Source List<Statement> parents) {
        Map<UUID, Article> found = articlesById(ids(parents, s -> s.record().articleId()));
        List<Article> articles = new ArrayList<>(parents.size());
        for (Statement statement : parents) {
            articles.add(found.get(statement.record().articleId()));
        }
        return articles;
    }

    // ---- entities --------------------------------------------------------------------------------------------------

    @Name("country")
    @Description("The person's country.")
    public List<Country> personCountry(@Source List<Person> parents) {
        return countries(parents);
    }

    @Name("country")
    @Description("The organisation's country.")
    public List<Country> organizationCountry(@Source List<Organization> parents) {
        return countries(parents);
    }

    @Name("country")
    @Description("The country the place is in.")
    public List<Country> placeCountry(@Source List<Place> parents) {
        return countries(parents);
    }

    @Name("organization")
    @Description("The organisation the post belongs to.")
    public List<Organization> roleOrganization(@Source List<Role> parents) {
        Map<UUID, EntityRecord> found = lookup.get(ids(parents, Role::organizationId));
        return parents.stream().map(r -> {
            EntityRecord e = found.get(r.organizationId());
            return e == null ? null : new Organization(e);
        }).toList();
    }

    @Name("statements")
    @NonNull
    @Description("What the person said, newest first.")
    public List<Connections.@NonNull StatementConnection> personStatements(@Source List<Person> parents,
                                                                          @DefaultValue("20") int first, String after,
                                                                          Filters.StatementFilter filter) {
        int size = Limits.pageSize(first);
        UUID about = filter == null || filter.about == null ? null : GlobalId.decode(filter.about, "Control");
        if (after == null && (filter == null || (filter.from == null && filter.to == null))) {
            Map<UUID, PageRecord<StatementRecord>> pages = entities.statementsBySpeaker(ids(parents, p -> p.record().id()), about, size);
            List<Connections.StatementConnection> connections = new ArrayList<>(parents.size());
            for (Person person : parents) {
                connections.add(Connections.statements(pages.getOrDefault(person.record().id(), PageRecord.empty())));
            }
            return connections;
        }
        // A cursor or a date range belongs to one list: page through each parent on its own.
        return parents.stream().map(p -> Connections.statements(entities.statementPage(about, p.record().id(),
                filter == null ? null : filter.from, filter == null ? null : filter.to, size, after))).toList();
    }

    @Name("imposedBy")
    @Description("The country imposing the control.")
    public List<Country> imposedBy(@Source List<Control> parents) {
        List<UUID> wanted = new ArrayList<>(parents.size());
        for (Control control : parents) {
            wanted.add(control.record().control() == null ? null : control.record().control().imposedById());
        }
        Map<UUID, EntityRecord> found = lookup.get(wanted);
        List<Country> countries = new ArrayList<>(parents.size());
        for (UUID id : wanted) {
            countries.add(id == null ? null : country(found.get(id)));
        }
        return countries;
    }

    @Name("targets")
    @NonNull
    @Description("The countries the control targets; empty when it applies to all.")
    public List<@NonNull List<@NonNull Country>> targets(@Source List<Control> parents) {
        return related(parents, EntityRecord.ControlRecord::targetIds, Country::new);
    }

    @Name("items")
    @NonNull
    @Description("The items the control covers.")
    public List<@NonNull List<@NonNull Commodity>> items(@Source List<Control> parents) {
        return related(parents, EntityRecord.ControlRecord::itemIds, Commodity::new);
    }

    @Name("statements")
    @NonNull
    @Description("What was said about the control, by anyone, newest first.")
    public List<Connections.@NonNull StatementConnection> controlStatements(@Source List<Control> parents,
                                                                           @DefaultValue("20") int first, String after,
                                                                           Filters.StatementFilter filter) {
        int size = Limits.pageSize(first);
        if (after == null && filter == null) {
            Map<UUID, PageRecord<StatementRecord>> pages = entities.statementsByControl(ids(parents, c -> c.record().id()), size);
            return parents.stream().map(c -> Connections.statements(pages.getOrDefault(c.record().id(), PageRecord.empty()))).toList();
        }
        return parents.stream().map(c -> Connections.statements(entities.statementPage(c.record().id(),
                filter == null || filter.speaker == null ? null : GlobalId.decode(filter.speaker).id(),
                filter == null ? null : filter.from, filter == null ? null : filter.to, size, after))).toList();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private <T extends EntityBase> List<Country> countries(List<T> parents) {
        Map<UUID, EntityRecord> found = lookup.get(ids(parents, p -> p.record().countryId()));
        return parents.stream().map(p -> country(found.get(p.record().countryId()))).toList();
    }

    private <T> List<List<T>> related(List<Control> parents, Function<EntityRecord.ControlRecord, List<UUID>> ids,
                                      Function<EntityRecord, T> wrap) {
        Map<UUID, EntityRecord> found = lookup.get(parents.stream().map(c -> c.record().control()).filter(Objects::nonNull)
                .flatMap(c -> ids.apply(c) == null ? java.util.stream.Stream.empty() : ids.apply(c).stream()).toList());
        List<List<T>> out = new ArrayList<>();
        for (Control c : parents) {
            List<UUID> wanted = c.record().control() == null || ids.apply(c.record().control()) == null ? List.of()
                    : ids.apply(c.record().control());
            out.add(wanted.stream().map(found::get).filter(Objects::nonNull).map(wrap).toList());
        }
        return out;
    }

    private static Country country(EntityRecord r) {
        return r == null ? null : new Country(r);
    }

    private static EntityBase entityOrNull(EntityRecord r) {
        return r == null ? null : EntityBase.of(r);
    }

    private Map<UUID, Article> articlesById(Collection<UUID> ids) {
        List<UUID> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        return articles.lookup(distinct).stream().collect(Collectors.toMap(ArticleRecord::id, ArticleGraph::toArticle, (a, b) -> a));
    }

    // ---- Entity timelines: what a person, organisation or country took part in and said -----------------------------

    private static final String TIMELINE = "The events it took part in and the statements it made, oldest first.";

    @Name("timeline")
    @NonNull
    @Description(TIMELINE)
    public List<Connections.@NonNull EntityTimelineConnection> personTimeline(@Source List<Person> parents,
                                                                             @DefaultValue("20") int first, String after) {
        return entityTimelines(parents, first, after);
    }

    @Name("timeline")
    @NonNull
    @Description(TIMELINE)
    public List<Connections.@NonNull EntityTimelineConnection> organizationTimeline(@Source List<Organization> parents,
                                                                                   @DefaultValue("20") int first, String after) {
        return entityTimelines(parents, first, after);
    }

    @Name("timeline")
    @NonNull
    @Description(TIMELINE)
    public List<Connections.@NonNull EntityTimelineConnection> countryTimeline(@Source List<Country> parents,
                                                                              @DefaultValue("20") int first, String after) {
        return entityTimelines(parents, first, after);
    }

    /** Two calls for all parents: their timelines (events included) and the statements on them. */
    private List<Connections.EntityTimelineConnection> entityTimelines(List<? extends EntityBase> parents, int first, String after) {
        Map<UUID, PageRecord<EntityTimelineEntryRecord>> pages = timeline.entityTimelines(
                ids(parents, p -> p.record().id()), Limits.pageSize(first), after);
        Map<UUID, StatementRecord> statements = entities.statements(pages.values().stream()
                        .flatMap(page -> page.items().stream())
                        .filter(e -> EntityTimelineEntryRecord.STATEMENT.equals(e.kind()))
                        .map(EntityTimelineEntryRecord::id).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(StatementRecord::id, Function.identity(), (a, b) -> a));
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
