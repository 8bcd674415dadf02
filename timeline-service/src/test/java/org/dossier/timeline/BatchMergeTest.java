package org.dossier.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.dossier.events.AnalysisResults;
import org.dossier.events.AnalysisResults.ExtractedEventMention;
import org.dossier.events.ArticleAnalyzed;
import org.dossier.events.TextRange;
import org.dossier.testing.RealInfrastructureResource;
import org.dossier.timeline.service.TimelineService;
import org.junit.jupiter.api.Test;

/**
 * Many articles merged in one transaction (as a poll's worth of events is) come out as they would one by one: reports
 * of one happening in the same batch find each other, and an article analysed twice in a batch keeps its last analysis.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
class BatchMergeTest {

    private static final OffsetDateTime PUBLISHED = OffsetDateTime.parse("2025-06-16T08:00:00Z");

    @Inject
    TimelineService timeline;

    private static ExtractedEventMention talks(UUID place, List<UUID> participants, String quote, LocalDate start, LocalDate end,
            String granularity, boolean inferred) {
        return new ExtractedEventMention(UUID.randomUUID(), "TALKS", "talks", "Talks in Batchford", start, end, granularity,
                inferred, participants, List.of(place), List.of(), quote, new TextRange(0, quote.length()));
    }

    private static AnalysisResults results(UUID article, ExtractedEventMention... mentions) {
        return new AnalysisResults(article, PUBLISHED, List.of(), List.of(mentions));
    }

    private static JsonPath timelineOf(UUID entity) {
        return given().queryParam("entity", entity).queryParam("first", 50).get("/internal/timeline")
                .then().statusCode(200).extract().jsonPath();
    }

    private void inOneTransaction(List<AnalysisResults> results, List<UUID> placed) {
        QuarkusTransaction.requiringNew().run(() -> {
            results.forEach(timeline::queue);
            placed.forEach(article -> timeline.queue(new ArticleAnalyzed(article, PUBLISHED, 1, 0)));
            timeline.flushQueued();
        });
    }

    @Test
    void reportsOfOneHappeningInOneBatchBecomeOneEvent() {
        UUID place = UUID.randomUUID();
        List<UUID> parties = List.of(UUID.randomUUID(), UUID.randomUUID());
        UUID weekly = UUID.randomUUID();
        UUID daily = UUID.randomUUID();
        UUID monday = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        inOneTransaction(List.of(
                results(weekly, talks(place, parties, "last week's negotiations", LocalDate.of(2025, 6, 9), LocalDate.of(2025, 6, 15), "WEEK", false)),
                results(daily, talks(place, parties, "continued on June 10", LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 10), "DAY", false)),
                results(monday, talks(place, parties, "talks next Monday", LocalDate.of(2025, 6, 9), LocalDate.of(2025, 6, 9), "DAY", false)),
                // Same place, months later: another happening.
                results(elsewhere, talks(place, parties, "talks in the autumn", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 1), "DAY", false))),
                List.of(weekly, daily, monday, elsewhere));

        JsonPath events = timelineOf(place);
        assertThat(events.getInt("totalCount")).isEqualTo(2);
        assertThat(events.getString("items[0].start")).isEqualTo("2025-06-09");
        assertThat(events.getString("items[0].end")).isEqualTo("2025-06-10");
        assertThat(events.getList("items[0].sources.articleId", String.class))
                .containsExactlyInAnyOrder(weekly.toString(), daily.toString(), monday.toString());
        assertThat(events.getList("items[1].sources.articleId", String.class)).containsExactly(elsewhere.toString());

        JsonPath placements = given().contentType("application/json").body(List.of(weekly, elsewhere))
                .post("/internal/placements/lookup").then().statusCode(200).extract().jsonPath();
        assertThat(placements.getList("eventCount", Integer.class)).containsExactly(1, 1);
    }

    @Test
    void anArticleAnalysedAgainInTheSameBatchKeepsOnlyItsLastAnalysis() {
        UUID place = UUID.randomUUID();
        List<UUID> parties = List.of(UUID.randomUUID());
        UUID first = UUID.randomUUID();
        UUID corrected = UUID.randomUUID();
        inOneTransaction(List.of(results(first, talks(place, parties, "talks on Monday", LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 3), "DAY", false))),
                List.of(first));
        // In one batch: a second article reports the same talks, then the first is analysed again without them.
        inOneTransaction(List.of(
                results(corrected, talks(place, parties, "Monday's talks", LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 3), "DAY", false)),
                results(first)), List.of(corrected, first));

        JsonPath events = timelineOf(place);
        assertThat(events.getInt("totalCount")).isEqualTo(1);
        assertThat(events.getList("items[0].sources.articleId", String.class)).containsExactly(corrected.toString());
        JsonPath placements = given().contentType("application/json").body(List.of(first))
                .post("/internal/placements/lookup").then().statusCode(200).extract().jsonPath();
        assertThat(placements.getList("eventCount", Integer.class)).containsExactly(0);
    }

    @Test
    void aNewArticleAnalysedTwiceInOneBatchKeepsOnlyItsLastAnalysis() {
        UUID place = UUID.randomUUID();
        List<UUID> parties = List.of(UUID.randomUUID());
        UUID article = UUID.randomUUID();
        // Never placed before this batch: its first analysis is placed within the batch, then replaced by the second.
        inOneTransaction(List.of(
                results(article, talks(place, parties, "talks in May", LocalDate.of(2025, 5, 5), LocalDate.of(2025, 5, 5), "DAY", false)),
                results(article, talks(place, parties, "talks in July", LocalDate.of(2025, 7, 7), LocalDate.of(2025, 7, 7), "DAY", false))),
                List.of(article));

        JsonPath events = timelineOf(place);
        assertThat(events.getInt("totalCount")).isEqualTo(1);
        assertThat(events.getString("items[0].start")).isEqualTo("2025-07-07");
        assertThat(events.getList("items[0].sources.articleId", String.class)).containsExactly(article.toString());
    }

    @Test
    void aSourceThatMakesTwoEventsOneFoldsThemTogether() {
        UUID north = UUID.randomUUID();
        UUID south = UUID.randomUUID();
        List<UUID> parties = List.of(UUID.randomUUID(), UUID.randomUUID());
        UUID inNorth = UUID.randomUUID();
        UUID inSouth = UUID.randomUUID();
        UUID inBoth = UUID.randomUUID();
        LocalDate day = LocalDate.of(2025, 4, 7);
        // Two reports of talks on one day in two places: two events, since they share no place.
        inOneTransaction(List.of(
                results(inNorth, talks(north, List.of(), "talks in the north", day, day, "DAY", false)),
                results(inSouth, talks(south, List.of(), "talks in the south", day, day, "DAY", false))), List.of(inNorth, inSouth));
        assertThat(timelineOf(north).getInt("totalCount")).isEqualTo(1);
        assertThat(timelineOf(south).getList("items.id", String.class)).doesNotContainAnyElementsOf(
                timelineOf(north).getList("items.id", String.class));
        // A report naming both places joins one of them, which then matches the other: the two are folded into one.
        ExtractedEventMention both = new ExtractedEventMention(UUID.randomUUID(), "TALKS", "talks", "Talks north and south", day,
                day, "DAY", false, parties, List.of(north, south), List.of(), "talks in the north and the south", new TextRange(0, 10));
        inOneTransaction(List.of(results(inBoth, both)), List.of(inBoth));

        JsonPath northEvents = timelineOf(north);
        assertThat(northEvents.getInt("totalCount")).isEqualTo(1);
        assertThat(northEvents.getList("items[0].sources.articleId", String.class))
                .containsExactlyInAnyOrder(inNorth.toString(), inSouth.toString(), inBoth.toString());
        assertThat(timelineOf(south).getList("items.id", String.class)).isEqualTo(northEvents.getList("items.id", String.class));
    }
}
