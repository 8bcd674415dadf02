package org.dossier.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.dossier.events.MalformedEventException;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

    @Test
    void aDatabaseThatIsUnreachableOrRestartingIsTransientHoweverDeeplyWrapped() {
        assertThat(FailureClassifier.isTransient(wrapped(new SQLException("connection refused", "08001")))).isTrue();
        assertThat(FailureClassifier.isTransient(wrapped(new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(FailureClassifier.isTransient(wrapped(new SQLException("the database system is starting up", "57P03")))).isTrue();
        assertThat(FailureClassifier.isTransient(wrapped(new SQLException("deadlock detected", "40P01")))).isTrue();
        assertThat(FailureClassifier.isTransient(wrapped(new SQLTransientConnectionException("gone")))).isTrue();
        assertThat(FailureClassifier.isTransient(wrapped(new SQLException("Acquisition timeout while waiting for new connection",
                new java.util.concurrent.TimeoutException())))).isTrue();
    }

    @Test
    void shutdownAndBrokerAndNetworkFailuresAreTransient() {
        assertThat(FailureClassifier.isTransient(new IllegalStateException("EntityManagerFactory is closed"))).isTrue();
        assertThat(FailureClassifier.isTransient(new IllegalStateException("WorkerPoolRegistry is being shut down"))).isTrue();
        assertThat(FailureClassifier.isTransient(new ConsumerStoppedException("stopping", null))).isTrue();
        assertThat(FailureClassifier.isTransient(wrapped(new jakarta.transaction.SystemException("no transaction manager")))).isTrue();
        assertThat(FailureClassifier.isTransient(wrapped(new NotLeaderOrFollowerException("moving")))).isTrue();
        assertThat(FailureClassifier.isTransient(new UncheckedIOException(new ConnectException("refused")))).isTrue();
    }

    @Test
    void aMessageThatCanNeverSucceedIsPermanentEvenWithATransientCauseInTheChain() {
        assertThat(FailureClassifier.isTransient(new MalformedEventException("not a CloudEvents JSON envelope"))).isFalse();
        assertThat(FailureClassifier.isTransient(new RuntimeException(new JsonParseException(null, "unexpected end")))).isFalse();
        assertThat(FailureClassifier.isTransient(new EventProcessingException("gave up",
                new SQLException("refused", "08001")))).isFalse();
        assertThat(FailureClassifier.isTransient(new Retries.GaveUp("still failing", 9, new ConnectException("refused")))).isFalse();
    }

    @Test
    void aDeterministicOrUnknownFailureIsPermanent() {
        assertThat(FailureClassifier.isTransient(new IllegalArgumentException("the ledger cannot apply a negative count"))).isFalse();
        assertThat(FailureClassifier.isTransient(wrapped(new SQLException("duplicate key value", "23505")))).isFalse();
        assertThat(FailureClassifier.isTransient(wrapped(new SQLException("no SQLState")))).isFalse();
        assertThat(FailureClassifier.isTransient(new RecordTooLargeException("too large"))).isFalse();
    }

    @Test
    void aCycleInTheCauseChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(FailureClassifier.isTransient(a)).isFalse();
    }

    /** As Hibernate and QuarkusTransaction hand it over. */
    private static RuntimeException wrapped(Exception cause) {
        return new RuntimeException("transaction failed", new jakarta.persistence.PersistenceException("could not execute", cause));
    }
}
