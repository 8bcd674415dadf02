package org.dossier.gateway.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.dossier.events.AnalysisResults;
import org.dossier.events.DossierEvents;
import org.dossier.events.TextRange;
import org.dossier.gateway.client.StatementRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** New statements as entity-service publishes them, broadcast to every open subscription. */
@ApplicationScoped
public class StatementFeed {

    private final BroadcastProcessor<StatementRecord> statements = BroadcastProcessor.create();
    private final Announcements announcements;

    StatementFeed(Announcements announcements) {
        this.announcements = announcements;
    }

    @Incoming("analysis-feed")
    public void consume(String message) {
        announcements.received();
        FeedMessages.payload(message, DossierEvents.ANALYSIS_RESULTS).ifPresent(this::broadcast);
    }

    private void broadcast(AnalysisResults results) {
        for (AnalysisResults.ExtractedStatement s : results.statements()) {
            statements.onNext(new StatementRecord(s.id(), results.articleId(), s.attributedTo(), s.speakerId(), s.speakerKind(),
                    s.cue(), s.content(), s.quote(), s.direct(), s.span().start(), s.span().end(), s.reportedById(),
                    s.saidFrom(), s.saidTo(), s.saidGranularity(), s.about(), results.publishedAt(),
                    start(s.contentSpan()), end(s.contentSpan()), start(s.cueSpan()), end(s.cueSpan()),
                    start(s.attributedToSpan()), end(s.attributedToSpan())));
        }
    }

    public Multi<StatementRecord> statements() {
        return statements;
    }

    private static Integer start(TextRange range) {
        return range == null ? null : range.start();
    }

    private static Integer end(TextRange range) {
        return range == null ? null : range.end();
    }
}
