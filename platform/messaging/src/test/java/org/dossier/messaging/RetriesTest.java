package org.dossier.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetriesTest {

    @Test
    void aTransientFailureIsRetriedUntilItPassesWithoutCountingAgainstTheAttempts() {
        Retries retries = new Retries(config(1, Duration.ofHours(1)));
        AtomicInteger calls = new AtomicInteger();
        String result = retries.call("test work", () -> {
            if (calls.incrementAndGet() < 5) {
                throw new RuntimeException(new SQLException("connection refused", "08001"));
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(5);
    }

    @Test
    void aPermanentFailureGetsItsAttemptsThenGivesUpWithItsReason() {
        Retries retries = new Retries(config(3, Duration.ofHours(1)));
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retries.call("test work", () -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("never valid");
        })).isInstanceOf(Retries.GaveUp.class).hasMessageContaining("never valid");
        assertThat(calls).hasValue(3);
    }

    @Test
    void anOutageLongerThanTheHorizonIsGivenUp() {
        Retries retries = new Retries(config(3, Duration.ofMillis(100)));
        assertThatThrownBy(() -> retries.call("test work", () -> {
            throw new RuntimeException(new SQLException("connection refused", "08001"));
        })).isInstanceOf(Retries.GaveUp.class).hasMessageContaining("still failing after PT0.1S");
    }

    @Test
    void shutdownEndsTheWaitWithoutGivingUp() throws Exception {
        Retries retries = new Retries(config(3, Duration.ofHours(1)));
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> retries.call("test work", () -> {
            calls.incrementAndGet();
            throw new RuntimeException(new SQLException("connection refused", "08001"));
        }));
        while (calls.get() == 0) {
            Thread.onSpinWait();
        }
        retries.stop(null);
        assertThatThrownBy(() -> waiting.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ConsumerStoppedException.class);
        assertThat(FailureClassifier.isTransient(waiting.handle((r, e) -> e).get())).as("left for the restart").isTrue();
    }

    private static MessagingConfig config(int attempts, Duration horizon) {
        MessagingConfig.Inbox inbox = new MessagingConfig.Inbox() {
            public int attempts() {
                return attempts;
            }

            public Duration retryDelay() {
                return Duration.ofMillis(10);
            }

            public Duration maxRetryDelay() {
                return Duration.ofMillis(40);
            }

            public Duration horizon() {
                return horizon;
            }

            public Duration retention() {
                return Duration.ofDays(14);
            }
        };
        return new MessagingConfig() {
            public String source() {
                return "/test";
            }

            public Outbox outbox() {
                throw new UnsupportedOperationException();
            }

            public Inbox inbox() {
                return inbox;
            }

            public DeadLetter deadLetter() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
