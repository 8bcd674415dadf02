package org.dossier.language.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnowledgeBaseTest {

    @Test
    void builtInFilesLoadAndCrossReferenceEachOther() {
        KnowledgeBase kb = KnowledgeBase.builtIn();
        assertThat(kb.controls).extracting(KnowledgeBase.Control::id)
                .contains("cn-rare-earth-export-controls", "us-advanced-chip-export-controls", "us-entity-list",
                        "us-entity-list-affiliates-rule", "cn-unreliable-entity-list", "us-reciprocal-tariffs",
                        "us-fentanyl-tariffs", "us-section-301-tariffs", "us-cn-geneva-tariff-suspension");
        KnowledgeBase.Official hassett = kb.officials.stream().filter(o -> o.id().equals("kevin-hassett")).findFirst().orElseThrow();
        assertThat(hassett.posts()).anySatisfy(t -> {
            assertThat(t.post()).isEqualTo("us-nec-director");
            assertThat(t.heldOn(LocalDate.of(2025, 6, 10))).isTrue();
            assertThat(t.heldOn(LocalDate.of(2024, 6, 10))).isFalse();
        });
        assertThat(kb.cues.reportingVerbs()).contains("say", "hint", "reveal");
    }

    @Test
    void anOverrideWithABrokenReferenceFailsAtLoadNamingIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("officials.json"), """
                [{"id": "x", "name": "X Y", "country": "US", "wikidataId": null, "aliases": ["X Y"],
                  "posts": [{"post": "no-such-post", "from": null, "to": null}]}]
                """);
        assertThatThrownBy(() -> KnowledgeBase.withOverrides(dir))
                .hasMessageContaining("official x: unknown post no-such-post");
    }

    @Test
    void anUnknownFieldIsAnErrorNotSilentlyDropped(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("commodities.json"), """
                [{"id": "tin", "name": "tin", "aliases": ["tin"], "colour": "grey"}]
                """);
        assertThatThrownBy(() -> KnowledgeBase.withOverrides(dir)).hasMessageContaining("commodities.json");
    }
}
