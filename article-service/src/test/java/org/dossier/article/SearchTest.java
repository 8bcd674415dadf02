package org.dossier.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dossier.testing.RealInfrastructureResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTest {

    /** Every article of this test comes from this outlet, so its counts are exact whatever else the database holds. */
    private final String outlet = "Search Test " + UUID.randomUUID();
    private final List<String> ids = new ArrayList<>();

    /** Once per class, but in @BeforeEach: RestAssured knows the app's random port only then. */
    @BeforeEach
    void store() {
        if (!ids.isEmpty()) {
            return;
        }
        ids.add(post("Rare earth magnets held at the border", "Customs officers said shipments were waiting for licences.", "2025-06-01T08:00:00Z"));
        ids.add(post("Chip controls tighten", "Exporters of advanced chips need a licence; makers of rare earth magnets were not mentioned.", "2025-06-02T08:00:00Z"));
        ids.add(post("Talks in London", "Negotiators discussed tariffs and the schedule of the next round.", "2025-06-03T08:00:00Z"));
        ids.add(post("Engine parts", "Licences for aircraft engine parts were suspended pending review.", "2025-06-04T08:00:00Z"));
        ids.add(post(null, "Die Gespräche wurden am Dienstag in London fortgesetzt, sagte ein Sprecher der Regierung.", "2025-06-05T08:00:00Z"));
    }

    @Test
    void searchRanksTitleMatchesFirstAndMarksTheTerms() {
        JsonPath page = given().queryParam("q", "rare earth magnets").queryParam("source", outlet).get("/api/articles")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getLong("totalCount")).isEqualTo(2);
        assertThat(page.getList("items.article.id", String.class)).containsExactly(ids.get(0), ids.get(1));
        assertThat(page.getList("items.snippet", String.class)).allSatisfy(s -> assertThat(s).contains("<mark>"));
        assertThat(page.getDouble("items[0].rank")).isGreaterThan(page.getDouble("items[1].rank"));
    }

    @Test
    void listingPagesThroughEveryArticleNewestFirstWithoutRepeats() {
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var request = given().queryParam("source", outlet).queryParam("first", 2);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get("/api/articles").then().statusCode(200).extract().jsonPath();
            assertThat(page.getLong("totalCount")).isEqualTo(5);
            seen.addAll(page.getList("items.article.id", String.class));
            after = page.getBoolean("hasNextPage") ? page.getString("endCursor") : null;
            pages++;
        } while (after != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
    }

    @Test
    void rankedSearchPagesToo() {
        JsonPath first = given().queryParam("q", "licence OR licences").queryParam("source", outlet).queryParam("first", 1)
                .get("/api/articles").then().statusCode(200).extract().jsonPath();
        assertThat(first.getLong("totalCount")).isEqualTo(3);
        List<String> seen = new ArrayList<>(first.getList("items.article.id", String.class));
        String after = first.getString("endCursor");
        while (after != null) {
            JsonPath page = given().queryParam("q", "licence OR licences").queryParam("source", outlet).queryParam("first", 1)
                    .queryParam("after", after).get("/api/articles").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.article.id", String.class));
            after = page.getBoolean("hasNextPage") ? page.getString("endCursor") : null;
        }
        assertThat(seen).containsExactlyInAnyOrder(ids.get(0), ids.get(1), ids.get(3));
    }

    @Test
    void filtersByDateAndLanguage() {
        given().queryParam("source", outlet).queryParam("from", "2025-06-02").queryParam("to", "2025-06-04").get("/api/articles")
                .then().statusCode(200).body("totalCount", equalTo(2));
        given().queryParam("source", outlet).queryParam("language", "und").get("/api/articles")
                .then().statusCode(200).body("totalCount", equalTo(1)).body("items[0].article.id", equalTo(ids.get(4)));
    }

    @Test
    void badParametersAreNamed() {
        given().queryParam("after", "not-a-cursor").get("/api/articles").then().statusCode(400).body("field", equalTo("after"));
        given().queryParam("first", 500).get("/api/articles").then().statusCode(400).body("field", equalTo("first"));
        given().queryParam("from", "last week").get("/api/articles").then().statusCode(400).body("field", equalTo("from"))
                .body("detail", containsString("ISO-8601"));
        // A cursor of a ranked search does not page a plain listing.
        String rankedCursor = given().queryParam("q", "licences").queryParam("source", outlet).queryParam("first", 1)
                .get("/api/articles").then().extract().path("endCursor");
        given().queryParam("source", outlet).queryParam("after", rankedCursor).get("/api/articles").then().statusCode(400);
    }

    private String post(String title, String text, String publishedAt) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("text", text + " " + UUID.randomUUID(), "source", outlet,
                "publishedAt", publishedAt));
        if (title != null) {
            body.put("title", title);
        }
        return given().contentType("application/json").body(body).post("/api/articles").then().statusCode(201).extract().path("id");
    }
}
