package org.dossier.gateway.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.dossier.gateway.client.PageRecord;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** Relay connections, one concrete type per node type as the contract names them. */
public final class Connections {

    private Connections() {
    }

    @Type("ArticleEdge")
    public record ArticleEdge(@NonNull Article node, @NonNull String cursor) {
    }

    @Type("ArticleConnection")
    @Description("A page of articles.")
    public record ArticleConnection(@NonNull List<@NonNull ArticleEdge> edges, @NonNull PageInfo pageInfo, int totalCount) {
    }

    @Type("EntityEdge")
    public record EntityEdge(@NonNull Entity node, @NonNull String cursor) {
    }

    @Type("EntityConnection")
    @Description("A page of entities.")
    public record EntityConnection(@NonNull List<@NonNull EntityEdge> edges, @NonNull PageInfo pageInfo, int totalCount) {
    }

    @Type("PersonEdge")
    public record PersonEdge(@NonNull Person node, @NonNull String cursor) {
    }

    @Type("PersonConnection")
    @Description("A page of people.")
    public record PersonConnection(@NonNull List<@NonNull PersonEdge> edges, @NonNull PageInfo pageInfo, int totalCount) {
    }

    @Type("StatementEdge")
    public record StatementEdge(@NonNull Statement node, @NonNull String cursor) {
    }

    @Type("StatementConnection")
    @Description("A page of statements, newest first.")
    public record StatementConnection(@NonNull List<@NonNull StatementEdge> edges, @NonNull PageInfo pageInfo, int totalCount) {
    }

    @Type("TimelineEventEdge")
    public record TimelineEventEdge(@NonNull TimelineEvent node, @NonNull String cursor) {
    }

    @Type("TimelineEventConnection")
    @Description("A page of timeline events, in date order.")
    public record TimelineEventConnection(@NonNull List<@NonNull TimelineEventEdge> edges, @NonNull PageInfo pageInfo, int totalCount) {
    }

    @Type("EntityTimelineEdge")
    public record EntityTimelineEdge(@NonNull EntityTimelineItem node, @NonNull String cursor) {
    }

    @Type("EntityTimelineConnection")
    @Description("A page of an entity's timeline: the events it took part in and the statements it made, oldest first; on one day, events before statements.")
    public record EntityTimelineConnection(@NonNull List<@NonNull EntityTimelineEdge> edges, @NonNull PageInfo pageInfo,
                                           int totalCount) {
    }

    /** Maps a downstream page to nodes and edges. */
    static <R, N, E> List<E> edges(PageRecord<R> page, Function<R, N> node, java.util.function.BiFunction<N, String, E> edge) {
        List<E> out = new ArrayList<>();
        for (int i = 0; i < page.items().size(); i++) {
            String cursor = page.cursors() != null && i < page.cursors().size() ? page.cursors().get(i) : "";
            out.add(edge.apply(node.apply(page.items().get(i)), cursor));
        }
        return out;
    }

    static PageInfo pageInfo(PageRecord<?> page) {
        return new PageInfo(page.hasNextPage(), page.endCursor());
    }

    static StatementConnection statements(PageRecord<org.dossier.gateway.client.StatementRecord> page) {
        return new StatementConnection(edges(page, Statement::new, StatementEdge::new), pageInfo(page), (int) page.totalCount());
    }
}
