package org.dossier.gateway.graphql;

import io.smallrye.mutiny.Multi;
import java.util.UUID;
import org.dossier.gateway.messaging.StatementFeed;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;

/** Live feeds over graphql-ws. */
@GraphQLApi
public class SubscriptionGraph {

    private final StatementFeed feed;

    SubscriptionGraph(StatementFeed feed) {
        this.feed = feed;
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
                .map(Statement::new);
    }

    @io.smallrye.graphql.api.Subscription
    @NonNull
    @Description("Each timeline event as it is created or changed. Emits once timeline-service merges events.")
    public Multi<TimelineEvent> timelineEventChanged(Filters.TimelineFilter filter) {
        return Multi.createFrom().nothing();
    }
}
