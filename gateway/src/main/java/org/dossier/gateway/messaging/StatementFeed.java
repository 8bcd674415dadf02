package org.dossier.gateway.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.dossier.events.AnalysisResults;
import org.dossier.events.CloudEvent;
import org.dossier.events.DossierEvents;
import org.dossier.events.EventCodec;
import org.dossier.events.MalformedEventException;
import org.dossier.gateway.client.StatementRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** New statements as entity-service publishes them, broadcast to every open subscription. */
@ApplicationScoped
public class StatementFeed {

    private static final Logger LOG = Logger.getLogger(StatementFeed.class);

    private final EventCodec codec = new EventCodec();
    private final BroadcastProcessor<StatementRecord> statements = BroadcastProcessor.create();

    @Incoming("analysis-feed")
    public void consume(String message) {
        CloudEvent event;
        try {
            event = codec.read(message);
        } catch (MalformedEventException e) {
            LOG.debugf("skipping a message that is not an event: %s", e.getMessage());
            return;
        }
        if (!DossierEvents.ANALYSIS_RESULTS.name().equals(event.type())) {
            return;
        }
        AnalysisResults results = codec.payload(event, DossierEvents.ANALYSIS_RESULTS);
        for (AnalysisResults.ExtractedStatement s : results.statements()) {
            statements.onNext(new StatementRecord(s.id(), results.articleId(), s.attributedTo(), s.speakerId(), s.speakerKind(),
                    s.cue(), s.content(), s.quote(), s.direct(), s.span().start(), s.span().end(), s.reportedById(),
                    s.saidFrom(), s.saidTo(), s.saidGranularity(), s.about(), results.publishedAt()));
        }
    }

    public Multi<StatementRecord> statements() {
        return statements;
    }
}
