package org.dossier.language.extract;

import org.dossier.language.model.Analysis;
import org.dossier.language.model.CanonicalEntity;
import org.dossier.language.model.EntityKind;
import org.dossier.language.model.Statement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Controls the taxonomy does not know, and words that refer back to a control, on sentences of our own. */
class ControlPhrasesTest {

    private static List<CanonicalEntity> controls(Analysis a) {
        return a.entities().stream().filter(e -> e.kind() == EntityKind.CONTROL).toList();
    }

    @Test
    void aControlPhraseIsAControlImposedByTheCountryBeforeItsHead() {
        Analysis a = TestAnalyzer.analyze("Canada's export controls on vanadium took effect in March.");
        assertThat(controls(a)).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("Canada's export controls on vanadium");
            assertThat(c.control().imposedByKey()).isEqualTo("country:CA");
        });
    }

    @Test
    void aCountryAfterTheHeadIsTheTargetNotTheImposer() {
        Analysis a = TestAnalyzer.analyze("The new 25 percent tariff on Swiss cheese angered fishermen.");
        assertThat(controls(a)).singleElement().satisfies(c -> assertThat(c.control().imposedByKey()).isNull());
    }

    @Test
    void aRuleIsAControlWhenItsModifiersSaySo() {
        assertThat(controls(TestAnalyzer.analyze("Canada's new ownership rule widens the licence requirements.")))
                .extracting(CanonicalEntity::name).containsExactly("Canada's new ownership rule");
        assertThat(controls(TestAnalyzer.analyze("The new house rule bans phones at dinner."))).isEmpty();
    }

    @Test
    void bareWordsNameNoControl() {
        assertThat(controls(TestAnalyzer.analyze("Officials discussed export controls and tariffs in general terms."))).isEmpty();
    }

    @Test
    void theCurbsReferToTheControlNamedBefore() {
        Analysis a = TestAnalyzer.analyze("Canada's export controls on vanadium took effect in March.\n"
                + "Trade Minister Paulo Reis said the curbs were hurting buyers in Europe.");
        Statement said = a.statements().stream().filter(s -> s.content().contains("hurting buyers")).findFirst().orElseThrow();
        assertThat(said.aboutKeys()).containsExactly(controls(a).get(0).key());
        assertThat(controls(a).get(0).aliases()).doesNotContain("curbs", "the curbs");
    }
}
