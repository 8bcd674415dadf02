package org.dossier.article.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.dossier.article.rest.ArticleSubmission;
import org.dossier.article.service.ArticleService;
import org.dossier.article.service.InvalidSubmissionException;
import org.dossier.article.service.SubmissionValidator;
import org.dossier.messaging.Retries;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Partners' submissions over Kafka, in the REST ingest JSON shape. A message that cannot be parsed or fails validation
 * is thrown back, so the channel dead-letters it to {@code articles.inbound.dlq} with the reason (a message too large
 * to copy there as a reference to it); the consumer goes on. Storing waits out a database outage ({@link Retries}).
 */
@ApplicationScoped
public class InboundArticleConsumer {

    private static final Logger LOG = Logger.getLogger(InboundArticleConsumer.class);

    private final ObjectMapper json;
    private final ArticleService service;
    private final SubmissionValidator validator;
    private final Retries retries;

    InboundArticleConsumer(ObjectMapper json, ArticleService service, SubmissionValidator validator, Retries retries) {
        this.retries = retries;
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.service = service;
        this.validator = validator;
    }

    @Incoming("articles-inbound")
    @Blocking
    public void consume(String message) {
        ArticleSubmission submission;
        try {
            submission = json.readValue(message, ArticleSubmission.class);
        } catch (JsonProcessingException e) {
            throw new InvalidSubmissionException(null, "malformed article JSON: " + e.getOriginalMessage());
        }
        if (submission == null) {
            throw new InvalidSubmissionException("text", "message is JSON null");
        }
        var article = submission.validatedBy(validator);
        var result = retries.call("storing an inbound article", () -> service.ingest(article));
        LOG.infof("article %s from Kafka: %s", result.id(), result.created() ? "new" : "duplicate");
    }
}
