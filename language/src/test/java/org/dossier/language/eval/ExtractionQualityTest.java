package org.dossier.language.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dossier.language.extract.ArticleAnalyzer;
import org.dossier.language.knowledge.KnowledgeBase;
import org.dossier.language.nlp.CoreNlpEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Extraction quality against the gold sets beside the project ({@code ../shared/corpus/seeds} and {@code dev}),
 * scored by the project's one scorer ({@code ../shared/tools/dossier_eval.py}, through
 * {@code language/eval/score-extractions.py}). The floors sit a little under the figures reached (bench/README.md);
 * raise them as quality rises, never lower them.
 */
class ExtractionQualityTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path SHARED = Path.of(System.getProperty("dossier.shared",
            System.getenv().getOrDefault("DOSSIER_SHARED", MODULE.resolve("../../shared").toString()))).normalize();
    private static CoreNlpEngine engine;
    private static ArticleAnalyzer analyzer;

    @BeforeAll
    static void loadModels() {
        assertThat(SHARED.resolve("corpus/dev/gold.json")).as("the shared corpus beside the project").exists();
        engine = new CoreNlpEngine();
        analyzer = new ArticleAnalyzer(engine, KnowledgeBase.builtIn());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static JsonNode score(String set) throws IOException, InterruptedException {
        Path out = MODULE.resolve("target/quality/" + set + "-extractions.json");
        GoldSetExtraction.write(analyzer, SHARED.resolve("corpus/" + set + "/gold.json"), out);
        Process p = new ProcessBuilder(List.of("python3", MODULE.resolve("eval/score-extractions.py").toString(),
                SHARED.toString(), set, out.toString())).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("scorer output: %s", printed).isZero();
        String[] lines = printed.strip().split("\n");
        Files.writeString(MODULE.resolve("target/quality/" + set + "-figures.json"), lines[lines.length - 1]);
        return new ObjectMapper().readTree(lines[lines.length - 1]).get("core");
    }

    @Test
    void seedStatementsHoldTheirLevel() throws Exception {
        JsonNode core = score("seeds");
        assertThat(core.at("/statements/f1").asDouble()).as("seeds core statements F1").isGreaterThanOrEqualTo(0.95);
        assertThat(core.at("/statements/speaker_right_of_found").asDouble()).as("seeds speaker right").isGreaterThanOrEqualTo(0.95);
        assertThat(core.at("/event_mentions/events_found_with_right_dates").asInt()).as("seeds events with their dates").isEqualTo(10);
    }

    @Test
    void statementsOfTheDevelopmentSetAreFoundWithTheirSpeakers() throws Exception {
        JsonNode core = score("dev");
        assertThat(core.at("/statements/f1").asDouble()).as("dev core statements F1").isGreaterThanOrEqualTo(DEV_F1);
        assertThat(core.at("/statements/precision").asDouble()).as("dev core statements precision").isGreaterThanOrEqualTo(DEV_PRECISION);
        assertThat(core.at("/statements/speaker_right_of_found").asDouble()).as("dev speaker right, of found").isGreaterThanOrEqualTo(DEV_SPEAKER);
        assertThat(core.at("/resolution/people_resolved").asInt()).as("dev people resolved to one entity").isGreaterThanOrEqualTo(DEV_PEOPLE_RESOLVED);
        assertThat(core.at("/roles/people_with_role_right").asInt()).as("dev people with their post").isGreaterThanOrEqualTo(DEV_ROLES);
        assertThat(core.at("/event_mentions/events_found_with_right_dates").asInt()).as("dev events with their dates")
                .isGreaterThanOrEqualTo(DEV_EVENTS_DATED);
    }

    @Test
    void attributionsOfPolnearNewsAreFound() throws Exception {
        Path out = MODULE.resolve("target/quality/polnear-dev");
        AttributionSpans.write(analyzer, SHARED.resolve("corpus/polnear/dev"), out);
        Process p = new ProcessBuilder(List.of("python3", SHARED.resolve("tools/score_attributions.py").toString(),
                SHARED.resolve("corpus/polnear/dev").toString(), out.toString(), "--json")).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("scorer output: %s", printed).isZero();
        Files.writeString(MODULE.resolve("target/quality/polnear-dev-figures.json"), printed);
        JsonNode rep = new ObjectMapper().readTree(printed);
        assertThat(rep.at("/texts_without_system_file").asInt()).isZero();
        assertThat(rep.at("/relation/f1").asDouble()).as("PolNeAR dev attribution F1").isGreaterThanOrEqualTo(POLNEAR_F1);
        assertThat(rep.at("/relation/precision").asDouble()).as("PolNeAR dev attribution precision").isGreaterThanOrEqualTo(POLNEAR_PRECISION);
        assertThat(rep.at("/relation.quoted/recall").asDouble()).as("PolNeAR dev quoted recall").isGreaterThanOrEqualTo(POLNEAR_QUOTED_RECALL);
    }

    // Floors a little under the figures reached (bench/README.md); raised as quality rises.
    private static final double DEV_F1 = 0.70;
    private static final double DEV_PRECISION = 0.83;
    private static final double DEV_SPEAKER = 0.76;
    private static final int DEV_PEOPLE_RESOLVED = 31;
    private static final int DEV_ROLES = 18;
    private static final int DEV_EVENTS_DATED = 37;
    private static final double POLNEAR_F1 = 0.49;
    private static final double POLNEAR_PRECISION = 0.75;
    private static final double POLNEAR_QUOTED_RECALL = 0.64;
}
