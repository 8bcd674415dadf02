package org.dossier.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "dossier.messaging")
public interface MessagingConfig {

    /** CloudEvents {@code source} of the events this service publishes, e.g. {@code /article-service}. */
    String source();

    Outbox outbox();

    Inbox inbox();

    interface Outbox {
        /** Whether this instance runs the relay. Several instances may; only one relays at a time (advisory lock). */
        @WithDefault("true")
        boolean relayEnabled();

        /** How long the relay sleeps when the outbox is empty; a commit that adds an event wakes it at once. */
        @WithDefault("500ms")
        Duration pollInterval();

        @WithDefault("200")
        int batchSize();

        /** How long Kafka may take to acknowledge a batch before the relay gives up and retries it. */
        @WithDefault("30s")
        Duration sendTimeout();
    }

    interface Inbox {
        /** Attempts at an event whose handler fails for a reason other than a malformed message, before it is dead-lettered. */
        @WithDefault("3")
        int attempts();

        @WithDefault("500ms")
        Duration retryDelay();

        /**
         * How long a processed event is remembered, to recognise its redelivery. Longer than any topic keeps its
         * messages (7 days, k8s/base/kafka/topics.yaml), or a late redelivery would be processed twice.
         */
        @WithDefault("P14D")
        Duration retention();
    }
}
