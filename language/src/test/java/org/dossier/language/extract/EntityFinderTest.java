package org.dossier.language.extract;

import org.dossier.language.model.Analysis;
import org.dossier.language.model.CanonicalEntity;
import org.dossier.language.model.EntityKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** People as texts write them, on sentences of our own, through the real engine: one entity per person, no junk. */
class EntityFinderTest {

    private static final LocalDate PUBLISHED = TestAnalyzer.PUBLISHED;

    private static List<String> people(String text) {
        Analysis a = TestAnalyzer.analyze(text);
        return a.entities().stream().filter(e -> e.kind() == EntityKind.PERSON).map(CanonicalEntity::name).toList();
    }

    @Test
    void aTitleBeforeASurnameIsThePersonNamedInFullElsewhere() {
        assertThat(people("Senator Karin Olsen wrote to the department on Monday.\n"
                + "Chairman Olsen said the licences should be reviewed."))
                .containsExactly("Karin Olsen");
    }

    @Test
    void aNameWithAMiddleInitialAndWithoutItIsOnePerson() {
        assertThat(people("Deputy Minister Paul R. Deakin opened the talks.\nPaul Deakin said the rules would stay."))
                .containsExactly("Paul R. Deakin");
    }

    @Test
    void aFamilyNameInCapitalsComesLast() {
        assertThat(people("Foreign Minister HAYASHIDA Kenji met his counterpart in Tokyo."))
                .containsExactly("Kenji Hayashida");
    }

    @Test
    void greetingsAndSpeakerLabelsAreNotPeople() {
        List<String> found = people("MS. DANA-RUIZ: Hello, everybody. Thanks for coming.\n"
                + "Q: Is the licence rule final?\n"
                + "MS. DANA-RUIZ: It is final, and spokesperson Maria Dana-Ruiz will send details.");
        assertThat(found).doesNotContain("Hello", "RUIZ", "DANA", "Q");
        assertThat(found).containsOnly("Maria Dana-Ruiz");
    }

    @Test
    void aPronounIsNeverASurname() {
        assertThat(people("Vice Premier Ma Lihua met the delegation. He said the measures were temporary."))
                .containsExactly("Ma Lihua");
    }

    private static List<String> rolesOf(String text, String person) {
        Analysis a = TestAnalyzer.analyze(text);
        return a.entities().stream().filter(e -> e.name().equals(person)).flatMap(e -> e.roles().stream())
                .map(org.dossier.language.model.Role::title).toList();
    }

    @Test
    void aPostTheTextStatesIsThePersonsRole() {
        assertThat(rolesOf("Dana Ruiz, ranking member of the House Trade Subcommittee, wrote to the agency.", "Dana Ruiz"))
                .containsExactly("ranking member of the House Trade Subcommittee");
        assertThat(rolesOf("Foreign Ministry Spokesperson Lin Wei answered questions on Tuesday.", "Lin Wei"))
                .containsExactly("Foreign Ministry Spokesperson");
        // Honorifics and lists are not posts.
        assertThat(rolesOf("Mr. Tomas Berg met the delegation.", "Tomas Berg")).isEmpty();
        assertThat(rolesOf("He met Minister Ana Lopes, and Governor Rui Costa of the central bank.", "Ana Lopes"))
                .containsExactly("Minister");
    }

    @Test
    void aOneWordPostOfAnotherBodyIsNotTheHeadOfState() {
        assertThat(rolesOf("Michael Brandt, president of the Chamber of Commerce in Lisbon, welcomed the deal.", "Michael Brandt"))
                .containsExactly("president of the Chamber of Commerce in Lisbon");
        assertThat(rolesOf("Executive Vice-President Marta Kowalczyk opened the dialogue.", "Marta Kowalczyk"))
                .noneMatch(r -> r.contains("United States") || r.contains("China"));
    }
}
