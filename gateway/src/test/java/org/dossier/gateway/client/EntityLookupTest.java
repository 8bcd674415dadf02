package org.dossier.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.inject.Vetoed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The per-request entity cache with calls that answer later, as the non-blocking client's do. */
class EntityLookupTest {

    /** entity-service as the lookup sees it: each call recorded, answered when the test says. Not a bean. */
    @Vetoed
    static final class PendingCalls extends EntityClient {
        final List<List<UUID>> asked = new ArrayList<>();
        final List<CompletableFuture<List<EntityRecord>>> answers = new ArrayList<>();

        PendingCalls() {
            super(null, null);
        }

        @Override
        public CompletionStage<List<EntityRecord>> entities(Collection<UUID> ids) {
            asked.add(List.copyOf(ids));
            CompletableFuture<List<EntityRecord>> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        }

        void answer(int call) {
            answers.get(call).complete(asked.get(call).stream().map(EntityLookupTest::entity).toList());
        }
    }

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final UUID C = UUID.randomUUID();

    static EntityRecord entity(UUID id) {
        return new EntityRecord(id, "key-" + id, "COUNTRY", "name of " + id, List.of(), null, null, null, List.of(), null);
    }

    @Test
    void anIdOnItsWayIsWaitedForNotAskedAgain() {
        PendingCalls service = new PendingCalls();
        EntityLookup lookup = new EntityLookup(service);

        CompletableFuture<Map<UUID, EntityRecord>> first = lookup.get(Arrays.asList(A, B, null, A)).toCompletableFuture();
        CompletableFuture<Map<UUID, EntityRecord>> second = lookup.get(List.of(B, C)).toCompletableFuture();

        assertThat(service.asked).containsExactly(List.of(A, B), List.of(C)); // B once, repeats and nulls left out
        service.answer(1);
        assertThat(second).isNotDone(); // C is back, B is not
        service.answer(0);
        assertThat(first.join()).containsKeys(A, B);
        assertThat(first.join().get(null)).as("a field without an id (a person without a country)").isNull();
        assertThat(second.join().get(B).name()).isEqualTo("name of " + B);
        assertThat(second.join().get(C).name()).isEqualTo("name of " + C);

        CompletableFuture<Map<UUID, EntityRecord>> again = lookup.get(List.of(A, C)).toCompletableFuture();
        assertThat(again).isCompleted(); // seen: no call
        assertThat(service.asked).hasSize(2);
    }

    @Test
    void aFailedCallFailsWhoeverWaitsAndIsAskedAgainLater() {
        PendingCalls service = new PendingCalls();
        EntityLookup lookup = new EntityLookup(service);

        CompletableFuture<Map<UUID, EntityRecord>> first = lookup.get(List.of(A)).toCompletableFuture();
        CompletableFuture<Map<UUID, EntityRecord>> waiting = lookup.get(List.of(A)).toCompletableFuture();
        service.answers.get(0).completeExceptionally(new IllegalStateException("entity-service is down"));

        assertThatThrownBy(first::join).isInstanceOf(CompletionException.class).hasMessageContaining("entity-service is down");
        assertThatThrownBy(waiting::join).isInstanceOf(CompletionException.class).hasMessageContaining("entity-service is down");

        CompletableFuture<Map<UUID, EntityRecord>> later = lookup.get(List.of(A)).toCompletableFuture();
        assertThat(service.asked).containsExactly(List.of(A), List.of(A));
        service.answer(1);
        assertThat(later.join()).containsKey(A);
    }

    @Test
    void rememberedEntitiesAreNotAskedFor() {
        PendingCalls service = new PendingCalls();
        EntityLookup lookup = new EntityLookup(service);
        lookup.remember(List.of(entity(A)));

        assertThat(lookup.get(List.of(A)).toCompletableFuture().join()).containsKey(A);
        assertThat(service.asked).isEmpty();
    }
}
