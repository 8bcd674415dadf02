package org.dossier.messaging;

import java.time.Duration;

/**
 * Exponential backoff: the first delay, doubled after each failed attempt up to a cap. An outage of any length is
 * probed at least every {@code max}, and a short one costs little.
 */
public record Backoff(Duration first, Duration max) {

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max: " + first + ", " + max);
        }
    }

    /** The wait after failed attempt number {@code attempt} (1 for the first). */
    public Duration delay(int attempt) {
        int doublings = Math.min(Math.max(0, attempt - 1), 30); // 2^30 times any positive first is past any cap
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
