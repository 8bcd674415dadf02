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

    DeadLetter deadLetter();

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
        /**
         * Attempts at an event whose handler fails for a reason of its own (not a dependency that is down, see
         * {@link FailureClassifier}), before it is dead-lettered. A malformed message is dead-lettered at once.
         */
        @WithDefault("3")
        int attempts();

        /** The first wait before a retry; doubled after each failure up to {@link #maxRetryDelay()}. */
        @WithDefault("500ms")
        Duration retryDelay();

        /** The longest wait between two attempts: how soon after an outage ends a waiting consumer notices. */
        @WithDefault("30s")
        Duration maxRetryDelay();

        /**
         * How long a failure of a dependency is waited out before its message is given up and dead-lettered. Hours:
         * longer than a database or broker restart, or a night without an operator.
         */
        @WithDefault("PT6H")
        Duration horizon();

        /**
         * How long a processed event is remembered, to recognise its redelivery. Longer than any topic keeps its
         * messages (7 days, k8s/base/kafka/topics.yaml), or a late redelivery would be processed twice.
         */
        @WithDefault("P14D")
        Duration retention();
    }

    interface DeadLetter {
        /**
         * The largest dead letter that carries its message. A larger message is dead-lettered as a reference (its
         * topic, partition, offset, size and key) that the replay reads back from the original topic: a dead letter
         * must never be refused by the broker, or the consumer could not get past its message.
         */
        @WithDefault("1048576")
        int maxMessageBytes();
    }
}
