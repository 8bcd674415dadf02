package org.dossier.gateway.graphql;

import io.smallrye.mutiny.Multi;
import java.util.UUID;
import org.dossier.gateway.messaging.StatementFeed;
import org.dossier.gateway.messaging.TimelineFeed;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;

/** Live feeds over graphql-ws. */
@GraphQLApi
public class SubscriptionGraph {

    /**
     * Events a subscription holds while its subscriber is still completing earlier ones. The feeds broadcast an
     * article's statements in one burst, and a subscriber whose selection needs a downstream call (a speaker, an
     * article) has no demand open until that call is back: without a buffer the feed failed it with a back-pressure
     * error and the subscription went silent, or ended. A subscriber this far behind is failed instead of holding
     * memory without bound.
     */
    static final int PENDING_EVENTS_PER_SUBSCRIPTION = 1_000;

    private final StatementFeed feed;
    private final TimelineFeed timelineFeed;

    SubscriptionGraph(StatementFeed feed, TimelineFeed timelineFeed) {
        this.feed = feed;
        this.timelineFeed = timelineFeed;
    }

    @io.smallrye.graphql.api.Subscription
    @NonNull
    @Description("Each new statement as soon as it is extracted, optionally only those about a control or by a speaker.")
    public Multi<Statement> statementAdded(Filters.StatementFilter filter) {
        UUID about = filter == null || filter.about == null ? null : GlobalId.decode(filter.about, "Control");
        UUID speaker = filter == null || filter.speaker == null ? null : GlobalId.decode(filter.speaker).id();
        return feed.statements()
                .filter(s -> about == null || s.about().contains(about))
                .filter(s -> speaker == null || speaker.equals(s.speakerId()))
                .onOverflow().buffer(PENDING_EVENTS_PER_SUBSCRIPTION)
                .map(Statement::new);
    }

    @io.smallrye.graphql.api.Subscription
    @NonNull
    @Description("Each timeline event as it is created or changed (a new source, narrower dates, another event folded "
            + "into it), optionally only those in a date range, with an entity taking part or about a control.")
    public Multi<TimelineEvent> timelineEventChanged(Filters.TimelineFilter filter) {
        LocalDate from = filter == null ? null : filter.from;
        LocalDate to = filter == null ? null : filter.to;
        UUID entity = filter == null || filter.entity == null ? null : GlobalId.decode(filter.entity).id();
        UUID control = filter == null || filter.control == null ? null : GlobalId.decode(filter.control, "Control");
        return timelineFeed.events()
                .filter(e -> from == null || e.end() == null || !e.end().isBefore(from))
                .filter(e -> to == null || e.start() == null || !e.start().isAfter(to))
                .filter(e -> entity == null || e.participants().contains(entity) || e.places().contains(entity))
                .filter(e -> control == null || e.controls().contains(control))
                .onOverflow().buffer(PENDING_EVENTS_PER_SUBSCRIPTION)
                .map(TimelineEvent::new);
    }
}
