package org.dossier.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.dossier.events.ArticleStored;
import org.dossier.events.DossierEvents;
import org.dossier.events.EventCodec;
import org.dossier.events.Topics;
import org.dossier.article.service.SeedCorpus;
import org.dossier.testing.RealInfrastructureResource;
import org.dossier.testing.TopicReader;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructureResource.class, restrictToAnnotatedClass = false)
class TextUnderstandingTest {

    @Inject
    EventCodec codec;

    @Test
    void scrapedTextYieldsTitleOriginalUrlAndATimeHintButNoGuessedDate() {
        String text = SeedCorpus.text("002_");
        String id = given().contentType("text/plain; charset=utf-8").body(text).post("/api/articles")
                .then().statusCode(201).extract().path("id");
        given().get("/api/articles/" + id).then().statusCode(200)
                .body("title", equalTo("Sino-US London Trade Talks Focus on Rare Earth and Technology Export Control"))
                .body("url", equalTo("https://www.toutiao.com/article/1834548336081928/"))
                .body("publishedAt", nullValue())
                .body("publishedHint", equalTo("today (June 10)"))
                .body("language", equalTo("en"))
                .body("sections.kind", hasItems("TITLE", "ORIGINAL_LINK", "DISCLAIMER", "RELATED_LINKS"));
        // Its original URL now identifies it.
        given().contentType("application/json").body(Map.of("text", "another copy", "url",
                "https://www.toutiao.com/article/1834548336081928/")).post("/api/articles").then().statusCode(200)
                .body("id", equalTo(id));

        try (TopicReader events = new TopicReader(Topics.ARTICLE_EVENTS)) {
            ArticleStored stored = codec.payload(codec.read(events.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(30))
                    .get(0).value()), DossierEvents.ARTICLE_STORED);
            assertThat(stored.analysisRanges()).isNotEmpty();
            String analysed = stored.analysisRanges().stream().map(r -> text.substring(r.start(), r.end()))
                    .reduce("", String::concat);
            assertThat(analysed).contains("Bloomberg reported today (June 10)").doesNotContain("Disclaimer").doesNotContain("Time:");
        }
    }

    @Test
    void aReprintWithSmallEditsIsStoredAsANearDuplicateOfTheOriginal() {
        String token = UUID.randomUUID().toString().substring(0, 8);
        String original = """
                Negotiators from Washington and Beijing ended two days of talks in Stockholm on Tuesday by agreeing to seek \
                another extension of the tariff truce, which would otherwise lapse in the middle of August. The Treasury \
                Secretary said the meetings had been constructive but that the President would make the final decision. \
                Chinese officials said both sides would work to keep the suspension in place for a further ninety days, \
                while disagreements over export controls on advanced chips and rare earth licences were left open. """ + token;
        String reprint = original.replace("on Tuesday", "on July 29").replace("constructive", "very constructive")
                .replace("were left open", "remained unresolved") + "\nDisclaimer: reprinted with permission.";
        String other = """
                China's commerce ministry announced on Thursday that five more rare earth elements need export licences, \
                and that foreign products containing Chinese rare earths above a small share of their value will need \
                approval as well, a rule that copies the reach of American export controls. """ + token;

        String originalId = post(original, 201);
        given().get("/api/articles/" + originalId).then().body("duplicateOf", nullValue());
        String reprintId = post(reprint, 201);
        given().get("/api/articles/" + reprintId).then().body("duplicateOf", equalTo(originalId));
        // A reprint of the reprint points at the original, not at the copy.
        String second = post(reprint.replace("ninety days", "90 days"), 201);
        given().get("/api/articles/" + second).then().body("duplicateOf", equalTo(originalId));
        String otherId = post(other, 201);
        given().get("/api/articles/" + otherId).then().body("duplicateOf", nullValue());
    }

    private static String post(String text, int status) {
        return given().contentType("application/json").body(Map.of("text", text)).post("/api/articles")
                .then().statusCode(status).extract().path("id");
    }
}
