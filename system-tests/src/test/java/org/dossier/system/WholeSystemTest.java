package org.dossier.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.dossier.infra.Ports;
import org.dossier.testing.GraphQlWsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The promise of the README: ./dossier up starts everything, an article travels article-service → entity-service →
 * timeline-service, and the gateway answers with all three stages done; ./dossier down stops it all.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Launcher launcher;

    @BeforeAll
    static void up() throws Exception {
        launcher = new Launcher(Launcher.tempDataDir());
        Launcher.Result up = launcher.run("up", "--detach");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).contains("Dossier is up. GraphQL: http://localhost:" + launcher.port("GATEWAY") + "/graphql");
        assertThat(up.output()).as("the demo articles are loaded").contains("10-busan-meeting.txt").contains(" new");
        JsonNode answer = launcher.graphql(EVERY_SERVICE, Map.of());
        assertThat(answer.path("errors").isMissingNode()).as("once up returns, the gateway answers: " + answer).isTrue();
    }

    @AfterAll
    static void down() {
        if (launcher != null) {
            launcher.run("down");
        }
    }

    @Test
    @Order(1)
    void anIngestedArticleIsStoredAnalysedAndTimelinedAsTheGatewayReports() throws Exception {
        Path file = launcher.dataDir().resolve("probe.json");
        Files.writeString(file, JSON.writeValueAsString(Map.of("text", "Officials met in Geneva. " + UUID.randomUUID(),
                "title", "Probe", "publishedAt", "2025-05-12T10:00:00+02:00")));
        Launcher.Result ingest = launcher.run("ingest", file.toString());
        assertThat(ingest.exitCode()).as(ingest.output()).isZero();
        String[] line = ingest.output().strip().split(" ");
        assertThat(line).hasSize(3);
        assertThat(line[0]).isEqualTo(file.toString());
        assertThat(line[2]).isEqualTo("new");
        String globalId = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("Article:" + line[1]).getBytes(java.nio.charset.StandardCharsets.UTF_8));

        JsonNode article = null;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            article = graphql("query($id: ID!) { article(id: $id) { id title publishedAt processing { stored analyzed timelined failures { stage } } } }",
                    Map.of("id", globalId)).path("data").path("article");
            if (article.path("processing").path("timelined").asBoolean() && article.path("processing").path("analyzed").asBoolean()) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(article.path("id").asText()).isEqualTo(globalId);
        assertThat(article.path("title").asText()).isEqualTo("Probe");
        assertThat(article.path("processing").path("stored").asBoolean()).isTrue();
        assertThat(article.path("processing").path("analyzed").asBoolean()).isTrue();
        assertThat(article.path("processing").path("timelined").asBoolean()).isTrue();
        assertThat(article.path("processing").path("failures").isArray()).isTrue();
        assertThat(article.path("processing").path("failures")).isEmpty();

        Launcher.Result again = launcher.run("ingest", file.toString());
        assertThat(again.output().strip()).isEqualTo(file + " " + line[1] + " duplicate");
    }

    @Test
    @Order(2)
    void subscribersSeeTheNewStatementAndTheTimelineEventOfAnArticleAsItIsProcessed() throws Exception {
        String gateway = "http://127.0.0.1:" + launcher.port("GATEWAY") + "/graphql";
        try (GraphQlWsClient client = GraphQlWsClient.connect(gateway)) {
            client.subscribe("statements", JSON.writeValueAsString(Map.of("query",
                    "subscription { statementAdded { cue content article { title } } }")));
            client.subscribe("timeline", JSON.writeValueAsString(Map.of("query",
                    "subscription { timelineEventChanged(filter: { from: \"2031-03-01\", to: \"2031-03-31\" }) "
                            + "{ kind start end places { name } sources { article { title } } } }")));
            Path file = launcher.dataDir().resolve("live.json");
            Files.writeString(file, JSON.writeValueAsString(Map.of("title", "Live probe " + UUID.randomUUID(),
                    "publishedAt", "2031-03-05T10:00:00Z",
                    "text", "Trade ministers met in Geneva on March 4, 2031. Commerce Secretary Howard Lutnick said the talks would "
                            + "resume within weeks.")));
            Launcher.Result ingest = launcher.run("ingest", file.toString());
            assertThat(ingest.exitCode()).as(ingest.output()).isZero();
            String title = JSON.readTree(Files.readString(file)).get("title").asText();

            JsonNode statement = null;
            JsonNode event = null;
            long deadline = System.nanoTime() + 60_000_000_000L;
            while ((statement == null || event == null) && System.nanoTime() < deadline) {
                String message = client.next(java.time.Duration.ofSeconds(1));
                if (message == null) {
                    continue;
                }
                JsonNode next = JSON.readTree(message);
                assertThat(next.path("type").asText()).as(message).isEqualTo("next");
                JsonNode added = next.at("/payload/data/statementAdded");
                if (!added.isMissingNode() && title.equals(added.at("/article/title").asText())) {
                    statement = added;
                }
                JsonNode changed = next.at("/payload/data/timelineEventChanged");
                if (!changed.isMissingNode()) {
                    event = changed;
                }
            }
            assertThat(statement).as("statementAdded for the new article").isNotNull();
            assertThat(statement.get("cue").asText()).isEqualTo("said");
            assertThat(event).as("timelineEventChanged for March 2031").isNotNull();
            assertThat(event.get("start").asText()).isEqualTo("2031-03-04");
            assertThat(event.at("/places/0/name").asText()).isEqualTo("Geneva");
            assertThat(event.findValuesAsText("title")).contains(title);
        }
    }

    @Test
    @Order(3)
    void ndjsonIsIngestedLineByLineWithLineNumbers() throws Exception {
        Path file = launcher.dataDir().resolve("batch.ndjson");
        String token = UUID.randomUUID().toString();
        Files.writeString(file, "{\"text\": \"First of two. " + token + "\"}\n\n{\"text\": \"\"}\n{\"text\": \"Second of two. " + token + "\"}\n");
        Launcher.Result ingest = launcher.run("ingest", file.toString());
        assertThat(ingest.exitCode()).as("a rejected line makes the exit non-zero").isEqualTo(1);
        assertThat(ingest.output().strip().lines().toList()).satisfiesExactly(
                l -> assertThat(l).startsWith(file + ":1 ").endsWith(" new"),
                l -> assertThat(l).startsWith(file + ":3 rejected 400: text is blank"),
                l -> assertThat(l).startsWith(file + ":4 ").endsWith(" new"));
    }

    @Test
    @Order(4)
    void everyContractOperationRunsAndTheFlagshipQuestionIsAnsweredFromTheDemoArticles() throws Exception {
        String operations = Files.readString(Path.of("..", "..", "shared", "contract", "operations.graphql"));
        JsonNode officials = null;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            officials = operation(operations, "OfficialsOnControls", Map.of()).path("officials");
            if (officials.path("totalCount").asInt() > 0 && officials.toString().contains("Donald Trump")
                    && officials.toString().contains("\"imposedBy\"")) {
                break;
            }
            Thread.sleep(1000);
        }
        JsonNode trump = null;
        for (JsonNode edge : officials.path("edges")) {
            if (edge.path("node").path("name").asText().equals("Donald Trump")) {
                trump = edge.path("node");
            }
        }
        assertThat(trump).as("Donald Trump among the officials: " + officials).isNotNull();
        assertThat(trump.path("country").path("name").asText()).isEqualTo("United States");
        assertThat(trump.path("roles").toString()).contains("President of the United States");
        assertThat(trump.path("statements").path("edges")).anySatisfy(e -> {
            assertThat(e.path("node").path("about")).isNotEmpty();
            assertThat(e.path("node").path("article").path("id").asText()).isNotEmpty();
        });

        JsonNode controls = operation(operations, "Entities", Map.of("kind", "CONTROL")).path("entities");
        assertThat(controls.path("totalCount").asInt()).isPositive();
        String rareEarths = null;
        for (JsonNode edge : controls.path("edges")) {
            if (edge.path("node").path("name").asText().contains("rare earth")) {
                rareEarths = edge.path("node").path("id").asText();
            }
        }
        assertThat(rareEarths).as("the rare-earth controls are an entity: " + controls).isNotNull();
        JsonNode about = operation(operations, "StatementsAboutControl", Map.of("control", rareEarths)).path("statements");
        assertThat(about.path("totalCount").asInt()).isPositive();
        assertThat(about.path("edges").get(0).path("node").path("about").toString()).contains(rareEarths);

        JsonNode articles = operation(operations, "Articles", Map.of("search", "rare earth")).path("articles");
        assertThat(articles.path("totalCount").asInt()).isPositive();
        String articleId = articles.path("edges").get(0).path("node").path("id").asText();
        JsonNode extraction = operation(operations, "ArticleExtraction", Map.of("id", articleId)).path("article");
        assertThat(extraction.path("processing").path("analyzed").asBoolean()).isTrue();
        assertThat(extraction.path("entities")).isNotEmpty();
        operation(operations, "Timeline", Map.of("from", "2025-01-01", "to", "2026-12-31"));

        // Events carry what was said at them or about them, from the articles that report them.
        JsonNode events = graphql("{ timeline(first: 100, filter: { from: \"2025-01-01\", to: \"2026-12-31\" }) { edges { node { "
                + "start end controls { id } sources { article { id } } statements { article { id } saidOn { start end } about { id } } } } } }",
                Map.of()).path("data").path("timeline").path("edges");
        int withStatements = 0;
        for (JsonNode edge : events) {
            JsonNode event = edge.path("node");
            java.util.Set<String> reporting = new java.util.HashSet<>(event.path("sources").findValuesAsText("id"));
            java.util.Set<String> eventControls = new java.util.HashSet<>(event.path("controls").findValuesAsText("id"));
            for (JsonNode said : event.path("statements")) {
                assertThat(reporting).as("a statement of an event comes from an article reporting it").contains(said.at("/article/id").asText());
                boolean during = !said.path("saidOn").isNull() && said.at("/saidOn/start").asText().compareTo(event.path("end").asText()) <= 0
                        && said.at("/saidOn/end").asText().compareTo(event.path("start").asText()) >= 0;
                boolean aboutIt = said.path("about").findValuesAsText("id").stream().anyMatch(eventControls::contains);
                assertThat(during || aboutIt).as("said while it happened or about its controls: " + said).isTrue();
            }
            withStatements += event.path("statements").isEmpty() ? 0 : 1;
        }
        assertThat(withStatements).as("events of the demo articles with statements").isPositive();

        // An official's timeline: every statement he made and every event he took part in, in date order.
        String trumpId = trump.path("id").asText();
        JsonNode person = graphql("query($id: ID!) { node(id: $id) { ... on Person { statements(first: 100) { totalCount } "
                + "timeline(first: 100) { totalCount edges { node { __typename "
                + "... on Statement { speaker { id } saidOn { start } article { publishedAt } } "
                + "... on TimelineEvent { start participants { id } } } } } } } }", Map.of("id", trumpId)).path("data").path("node");
        JsonNode entries = person.path("timeline").path("edges");
        assertThat(person.path("timeline").path("totalCount").asInt()).isEqualTo(entries.size());
        int statements = 0;
        int tookPart = 0;
        String previous = "";
        for (JsonNode edge : entries) {
            JsonNode entry = edge.path("node");
            String date;
            if (entry.path("__typename").asText().equals("Statement")) {
                statements++;
                assertThat(entry.at("/speaker/id").asText()).isEqualTo(trumpId);
                date = entry.path("saidOn").isNull() ? entry.at("/article/publishedAt").asText().substring(0, 10)
                        : entry.at("/saidOn/start").asText();
            } else {
                tookPart++;
                assertThat(entry.path("participants").findValuesAsText("id")).contains(trumpId);
                date = entry.path("start").asText();
            }
            assertThat(date).as("in date order: " + entries).isGreaterThanOrEqualTo(previous);
            previous = date;
        }
        assertThat(statements).as("every statement he made").isEqualTo(person.at("/statements/totalCount").asInt());
        assertThat(tookPart).as("the events he took part in").isPositive();

        // Statements page by page: the gateway asks entity-service only for the fields selected (and a cursor per
        // statement only when edges { cursor } is), and the pages join up to the same list, cursors included.
        String page = "query($first: Int, $after: String) { statements(first: $first, after: $after) { "
                + "edges { cursor node { id cue } } pageInfo { endCursor } } }";
        JsonNode whole = graphql(page, Map.of("first", 4)).at("/data/statements");
        JsonNode first = graphql(page, Map.of("first", 2)).at("/data/statements");
        JsonNode second = graphql(page, Map.of("first", 2, "after", first.at("/pageInfo/endCursor").asText())).at("/data/statements");
        List<String> joined = new java.util.ArrayList<>(first.path("edges").findValuesAsText("cursor"));
        joined.addAll(second.path("edges").findValuesAsText("cursor"));
        assertThat(whole.path("edges").findValuesAsText("cursor")).hasSize(4).doesNotContain("").isEqualTo(joined);
        JsonNode fuller = graphql("{ statements(first: 4) { edges { node { id cue quote span { start end } article { id } } } } }",
                Map.of()).at("/data/statements");
        assertThat(fuller.path("edges").findValuesAsText("cue")).isEqualTo(whole.path("edges").findValuesAsText("cue"));
        assertThat(fuller.path("edges").findValuesAsText("quote")).hasSize(4).doesNotContain("");
    }

    @Test
    @Order(5)
    void theFlagshipQueryCostsTheSameDownstreamCallsForOneOfficialAndForAHundred() throws Exception {
        // A hundred and twenty speakers of our own invention, one short article each.
        // Their names sort after "Donald Trump", so that the first official is one with a country, a post with its
        // organisation and statements about controls: the one-official query then touches every level too.
        String[] first = {"Tomas", "Leila", "Marek", "Sofia", "Viktor", "Ingrid", "Pavel", "Mira", "Jonas", "Elena", "Oskar", "Ulla"};
        String[] last = {"Keller", "Novak", "Haddad", "Lindqvist", "Moreau", "Brennan", "Okafor", "Varga", "Castillo", "Sato"};
        StringBuilder ndjson = new StringBuilder();
        for (String f : first) {
            for (String l : last) {
                ndjson.append(JSON.writeValueAsString(Map.of("text", f + " " + l + " said that the export controls on "
                        + "rare earth magnets would be reviewed next month. " + UUID.randomUUID(),
                        "publishedAt", "2025-07-01T09:00:00Z"))).append('\n');
            }
        }
        Path file = launcher.dataDir().resolve("speakers.ndjson");
        Files.writeString(file, ndjson);
        assertThat(launcher.run("ingest", file.toString()).exitCode()).isZero();
        String flagship = Files.readString(Path.of("..", "..", "shared", "contract", "operations.graphql"));
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (operation(flagship, "OfficialsOnControls", Map.of("first", 1)).path("officials").path("totalCount").asInt() < 100
                && System.nanoTime() < deadline) {
            Thread.sleep(1000);
        }
        // Counted on fresh answers: the gateway would answer the question just polled from memory, with no call at all.
        double before = downstreamCalls();
        JsonNode one = operation(flagship, "OfficialsOnControls", Map.of("first", 1), true).path("officials");
        double forOne = downstreamCalls() - before;
        before = downstreamCalls();
        JsonNode hundred = operation(flagship, "OfficialsOnControls", Map.of("first", 100), true).path("officials");
        double forHundred = downstreamCalls() - before;
        System.out.printf("flagship query downstream calls: %.0f for 1 official, %.0f for 100 officials%n", forOne, forHundred);
        assertThat(one.path("edges")).hasSize(1);
        assertThat(hundred.path("edges")).hasSize(100);
        assertThat(forHundred).as("downstream calls for 100 officials").isEqualTo(forOne);
        assertThat(one.path("edges").get(0).path("node").path("name").asText()).isEqualTo("Donald Trump");
        // officials, country, roles' organisations, statements, their controls, the controls' countries, articles
        assertThat(forOne).as("at most one call per level of the query").isLessThanOrEqualTo(7.0);

        // Many clients asking a new question at once (a dashboard after a change): the gateway computes it once and
        // shares the answer. First wait for the pipeline to go quiet: an announcement would end the shared answer.
        HttpRequest.Builder repeated = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + launcher.port("GATEWAY") + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", flagship,
                        "operationName", "OfficialsOnControls", "variables", Map.of("first", 2)))));
        deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            HTTP.send(repeated.build(), HttpResponse.BodyHandlers.discarding());
            Thread.sleep(1000);
            if (HTTP.send(repeated.build(), HttpResponse.BodyHandlers.discarding()).headers().firstValue("X-Cache").orElse("").equals("HIT")) {
                break; // a second without any announcement
            }
        }
        HttpRequest question = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + launcher.port("GATEWAY") + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", flagship,
                        "operationName", "OfficialsOnControls", "variables", Map.of("first", 37))))).build();
        before = downstreamCalls();
        var sent = java.util.stream.IntStream.range(0, 16)
                .mapToObj(i -> HTTP.sendAsync(question, HttpResponse.BodyHandlers.ofString())).toList();
        var answers = sent.stream().map(java.util.concurrent.CompletableFuture::join).toList();
        double forSixteen = downstreamCalls() - before;
        System.out.printf("16 clients asking one new question at once: %.0f downstream calls (one execution: %.0f); %d answers shared%n",
                forSixteen, forOne, answers.stream().filter(a -> a.headers().firstValue("X-Cache").orElse("").equals("HIT")).count());
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.statusCode()).isEqualTo(200);
            assertThat(a.body()).isEqualTo(answers.get(0).body()).doesNotContain("\"errors\"");
        });
        assertThat(forSixteen).as("16 identical questions at once are not executed 16 times").isLessThanOrEqualTo(3 * forOne);
    }

    private static double downstreamCalls() throws Exception {
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + launcher.port("GATEWAY") + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        return metrics.body().lines().filter(l -> l.startsWith("dossier_gateway_downstream_calls_total") && l.contains("caller=\"query\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Runs one operation of the contract's document, as clients send it; an error entry fails the test. */
    private static JsonNode operation(String document, String name, Map<String, Object> variables) throws Exception {
        return operation(document, name, variables, false);
    }

    /** Fresh: executed even if the gateway holds an answer to it (Cache-Control: no-cache). */
    private static JsonNode operation(String document, String name, Map<String, Object> variables, boolean fresh) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + launcher.port("GATEWAY") + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("query", document, "operationName", name, "variables", variables))));
        if (fresh) {
            request.header("Cache-Control", "no-cache");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("errors").isMissingNode()).as(name + ": " + response.body()).isTrue();
        return body.path("data");
    }

    /** entity-service analyses up to 400,000 characters; article-service accepts up to 1 MiB. */
    @Test
    @Order(8)
    void anArticleOverTheAnalysisLimitSaysWhyInGraphQlProcessing() throws Exception {
        Path file = launcher.dataDir().resolve("long.txt");
        Files.writeString(file, ("Officials met in Geneva. " + UUID.randomUUID() + " ").repeat(8_000));
        Launcher.Result ingest = launcher.run("ingest", file.toString());
        assertThat(ingest.exitCode()).as(ingest.output()).isZero();
        String globalId = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("Article:" + ingest.output().strip().split(" ")[1]).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        JsonNode processing = null;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            processing = graphql("query($id: ID!) { article(id: $id) { processing { analyzed failures { stage reason at } } } }",
                    Map.of("id", globalId)).path("data").path("article").path("processing");
            if (!processing.path("failures").isEmpty()) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(processing.path("analyzed").asBoolean()).isFalse();
        assertThat(processing.path("failures")).hasSize(1);
        assertThat(processing.path("failures").get(0).path("stage").asText()).isEqualTo("analysis");
        assertThat(processing.path("failures").get(0).path("reason").asText()).contains("400000");
        assertThat(processing.path("failures").get(0).path("at").asText()).isNotEmpty();
    }

    @Test
    @Order(6)
    void statusShowsEveryPartHealthyAndASecondUpSaysItIsRunning() {
        Launcher.Result status = launcher.run("status");
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).contains("infra").contains("article-service").contains("entity-service")
                .contains("timeline-service").contains("gateway").doesNotContain("DOWN");
        Launcher.Result second = launcher.run("up", "--detach");
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("already running and answering").contains("nothing to start");
    }

    @Test
    @Order(7)
    void downStopsEverythingAndTheDataSurvivesForTheNextUp() throws Exception {
        Launcher.Result down = launcher.run("down");
        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(launcher.run("status").exitCode()).isEqualTo(3);
        for (String part : new String[] {"GATEWAY", "ARTICLE", "ENTITY", "TIMELINE", "POSTGRES", "KAFKA"}) {
            assertThat(Ports.accepting(launcher.port(part))).as(part + " port closed").isFalse();
        }
        Launcher.Result up = launcher.run("up", "--detach");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).as("the demo articles are already there").contains("10-busan-meeting.txt").contains(" duplicate")
                .doesNotContain(" new");
    }

    /** A query reaching every service: articles, entities, the timeline. */
    private static final String EVERY_SERVICE = "{ articles(first: 1) { totalCount } entities(first: 1) { totalCount } "
            + "timeline(first: 1) { totalCount } }";

    /**
     * Supervision: a part killed (kill -9) is reported dead by status, named by the gateway's errors, started alone by
     * up (the others left running); restart restarts one; after either returns the gateway answers from every service.
     */
    @Test
    @Order(9)
    void aKilledPartIsReportedDeadNamedByTheGatewayAndStartedAloneByUp() throws Exception {
        Map<String, Long> before = pids();
        ProcessHandle entityService = ProcessHandle.of(before.get("entity-service")).orElseThrow();
        entityService.destroyForcibly(); // kill -9: no word in its log
        entityService.onExit().get();

        Launcher.Result status = launcher.run("status");
        assertThat(status.exitCode()).as(status.output()).isEqualTo(1);
        assertThat(status.output()).containsPattern("entity-service +pid +" + before.get("entity-service") + " +DIED: .*entity-service.log");

        JsonNode during = graphql(EVERY_SERVICE, Map.of());
        assertThat(during.path("errors").get(0).path("message").asText()).contains("entity-service is unavailable");
        assertThat(during.path("errors").get(0).path("extensions").path("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(during.path("errors").get(0).path("extensions").path("service").asText()).isEqualTo("entity-service");

        Launcher.Result up = launcher.run("up", "--detach");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).contains("started: [entity-service]");
        JsonNode after = graphql(EVERY_SERVICE, Map.of());
        assertThat(after.path("errors").isMissingNode()).as("right after up returns: " + after).isTrue();

        Map<String, Long> now = pids();
        for (String part : new String[] {"infra", "article-service", "timeline-service", "gateway"}) {
            assertThat(now.get(part)).as(part + " left alone").isEqualTo(before.get(part));
        }
        assertThat(now.get("entity-service")).isNotEqualTo(before.get("entity-service"));
        assertThat(launcher.run("status").exitCode()).isZero();
    }

    @Test
    @Order(10)
    void restartRestartsOnePartAndTheGatewayAnswersWhenItReturns() throws Exception {
        Map<String, Long> before = pids();
        Launcher.Result restart = launcher.run("restart", "timeline-service");
        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(restart.output()).contains("timeline-service is up again");
        JsonNode after = graphql(EVERY_SERVICE, Map.of());
        assertThat(after.path("errors").isMissingNode()).as("right after restart returns: " + after).isTrue();
        Map<String, Long> now = pids();
        assertThat(now.get("timeline-service")).isNotEqualTo(before.get("timeline-service"));
        assertThat(now.get("article-service")).isEqualTo(before.get("article-service"));
    }

    @Test
    @Order(11)
    void restartNamesThePartsItKnows() {
        Launcher.Result wrong = launcher.run("restart", "postgres");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.output()).contains("infra, article-service, entity-service, timeline-service, gateway");
        assertThat(launcher.run("restart").exitCode()).isEqualTo(2);
    }

    private static Map<String, Long> pids() throws Exception {
        return launcher.pids();
    }

    private static JsonNode graphql(String query, Map<String, Object> variables) throws Exception {
        return launcher.graphql(query, variables);
    }
}
