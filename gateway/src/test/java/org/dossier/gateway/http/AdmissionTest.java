package org.dossier.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gateway's admission gate alone: places, the queue's order and bound, clients that leave. */
class AdmissionTest {

    private final List<String> started = new ArrayList<>();

    private GraphQlHttpConventions.Admission.Ticket ticket(String name) {
        return new GraphQlHttpConventions.Admission.Ticket(() -> started.add(name));
    }

    @Test
    void requestsBeyondThePlacesWaitInOrderAndEachFinishedOneLetsTheNextIn() {
        var gate = new GraphQlHttpConventions.Admission(2, 10);
        var a = ticket("a");
        var b = ticket("b");
        var c = ticket("c");
        var d = ticket("d");
        for (var t : List.of(a, b, c, d)) {
            assertThat(gate.enter(t)).isTrue();
        }
        assertThat(started).containsExactly("a", "b");
        assertThat(gate.waiting()).isEqualTo(2);
        gate.finish(a);
        assertThat(started).containsExactly("a", "b", "c");
        gate.finish(a); // a second end signal for the same request changes nothing
        assertThat(started).containsExactly("a", "b", "c");
        gate.finish(b);
        gate.finish(c);
        gate.finish(d);
        assertThat(started).containsExactly("a", "b", "c", "d");
        assertThat(gate.running()).isZero();
    }

    @Test
    void aFullQueueRefusesAndAClientThatLeavesWhileWaitingGivesUpItsTurn() {
        var gate = new GraphQlHttpConventions.Admission(1, 1);
        var a = ticket("a");
        var b = ticket("b");
        var c = ticket("c");
        assertThat(gate.enter(a)).isTrue();
        assertThat(gate.enter(b)).isTrue();
        assertThat(gate.enter(c)).as("the queue holds one").isFalse();
        gate.finish(b); // b's client went away while it waited
        assertThat(gate.waiting()).isZero();
        gate.finish(a);
        assertThat(started).containsExactly("a");
        assertThat(gate.running()).isZero();
        assertThat(gate.enter(ticket("d"))).isTrue();
        assertThat(started).containsExactly("a", "d");
    }
}
