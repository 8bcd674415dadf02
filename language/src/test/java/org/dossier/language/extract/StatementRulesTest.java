package org.dossier.language.extract;

import org.dossier.language.model.Analysis;
import org.dossier.language.model.CanonicalEntity;
import org.dossier.language.model.SpeakerKind;
import org.dossier.language.model.Statement;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Each form of reported speech on sentences of our own, through the real engine. */
class StatementRulesTest {

    private static final LocalDate PUBLISHED = TestAnalyzer.PUBLISHED;

    private static Analysis analyze(String text) {
        return TestAnalyzer.analyze(text);
    }

    private static String speakerName(Analysis a, Statement s) {
        return a.entities().stream().filter(e -> e.key().equals(s.speakerKey())).map(CanonicalEntity::name).findFirst().orElse(null);
    }

    private static Optional<Statement> saying(Analysis a, String words) {
        return a.statements().stream().filter(s -> s.content().contains(words)).findFirst();
    }

    @Test
    void aQuoteWithItsAttributionAfterItInEitherOrder() {
        Analysis a = analyze("\"The new rules are clear and fair,\" added Trade Minister Paulo Reis on Friday.\n"
                + "“Our partners were consulted at every step,” Reis said.");
        Statement first = saying(a, "The new rules are clear").orElseThrow();
        assertThat(speakerName(a, first)).isEqualTo("Paulo Reis");
        assertThat(first.cue()).isEqualTo("added");
        assertThat(first.direct()).isTrue();
        assertThat(first.content()).isEqualTo("The new rules are clear and fair");
        Statement second = saying(a, "Our partners were consulted").orElseThrow();
        assertThat(speakerName(a, second)).isEqualTo("Paulo Reis");
    }

    @Test
    void aStatementReleasedAfterAColonRunsOverItsParagraphs() {
        String text = "Washington, D.C. – Senator Maria Lopez (D-Ore.), a member of the Finance Committee, released the following statement:\n\n"
                + "“The export licences granted this week put our security at risk. We will ask the department to explain them.”\n\n"
                + "“Our allies deserve better,” said Lopez. “They were not consulted.”";
        Analysis a = analyze(text);
        Statement released = saying(a, "The export licences granted").orElseThrow();
        assertThat(speakerName(a, released)).isEqualTo("Maria Lopez");
        assertThat(released.cue()).isEqualTo("released the following statement");
        assertThat(released.content()).contains("We will ask the department");
        assertThat(text.substring(released.speakerSpan().start(), released.speakerSpan().end())).contains("Maria Lopez");
        // The quote split by its attribution: both halves are hers; the dateline speaks nowhere.
        assertThat(speakerName(a, saying(a, "Our allies deserve better").orElseThrow())).isEqualTo("Maria Lopez");
        assertThat(speakerName(a, saying(a, "They were not consulted").orElseThrow())).isEqualTo("Maria Lopez");
        assertThat(a.statements()).noneMatch(s -> s.attributedTo().contains("Washington"));
    }

    @Test
    void aNameBeforeAColonIsTheSpeakerOfTheQuote() {
        Analysis a = analyze("- Secretary Daniel Park: “We are reviewing every shipment of gallium.”");
        Statement s = saying(a, "We are reviewing every shipment").orElseThrow();
        assertThat(speakerName(a, s)).isEqualTo("Daniel Park");
        assertThat(s.cue()).isEqualTo(":");
    }

    @Test
    void aRoleNounStandsForThePersonNamedWithIt() {
        Analysis a = analyze("The decision was announced by Minister for Foreign Trade Karin Olsen on Monday.\n"
                + "As the minister has stated: \"Controls must target the narrowest set of items.\"");
        Statement s = saying(a, "Controls must target").orElseThrow();
        assertThat(speakerName(a, s)).isEqualTo("Karin Olsen");
    }

    @Test
    void aParagraphAttributedByAColonWithoutQuotationMarks() {
        Analysis a = analyze("The following is attributable to Spokesperson Helen Ward:\n\n"
                + "The two delegations held long and candid talks on the licensing of chip exports.");
        Statement s = saying(a, "The two delegations held long").orElseThrow();
        assertThat(speakerName(a, s)).isEqualTo("Helen Ward");
        assertThat(s.direct()).isFalse();
    }

    @Test
    void eachAnswerOfATranscriptIsAStatementOfWhoAnswersAndQuestionsAreNot() {
        String text = "Press Briefing by Press Secretary Laura Chen\n\n"
                + "MS. CHEN: Good afternoon. The new tariffs take effect on Monday and will cover steel and aluminum.\n\n"
                + "Q: Will the tariffs be lifted if the talks succeed?\n\n"
                + "MS. CHEN: We will not negotiate in public, but the door to talks remains open.\n\n"
                + "Daily Courier: The other side said the tariffs were illegal. What is your comment?\n\n"
                + "MS. CHEN: Our measures follow the law and our commitments.";
        Analysis a = analyze(text);
        List<Statement> answers = a.statements().stream().filter(s -> ":".equals(s.cue())).toList();
        assertThat(answers).hasSize(3);
        assertThat(answers).allMatch(s -> "Laura Chen".equals(speakerName(a, s)));
        assertThat(answers.get(0).content()).contains("The new tariffs take effect on Monday");
        assertThat(a.statements()).noneMatch(s -> s.content().contains("Will the tariffs be lifted"));
        assertThat(a.statements()).noneMatch(s -> s.content().contains("What is your comment"));
    }

    @Test
    void aGenericAnswerLabelIsTheBodyTheTitleNames() {
        String text = "Q: What is the ministry's response to the new port fees?\n"
                + "A: The fees violate trade rules, and we firmly oppose them.\n"
                + "Q: Will there be countermeasures?\n"
                + "A: We will take the necessary measures to protect our industries.";
        Analysis a = TestAnalyzer.get().analyze(text, null, PUBLISHED, "MOFCOM Spokesperson's Remarks on the Port Fees");
        List<Statement> answers = a.statements().stream().filter(s -> ":".equals(s.cue())).toList();
        assertThat(answers).hasSize(2);
        assertThat(answers).allMatch(s -> s.speakerKind() == SpeakerKind.ORGANIZATION && "org:cn-mofcom".equals(s.speakerKey()));
    }

    @Test
    void aPersonLabelledWithTheirNameAloneIsANewPerson() {
        String text = "Zhao Minghui: Welcome to the press conference. I have two items to announce.\n"
                + "Evening Post: Can you comment on the new export licences?\n"
                + "Zhao Minghui: The licences are granted in accordance with the law.";
        Analysis a = analyze(text);
        List<Statement> answers = a.statements().stream().filter(s -> ":".equals(s.cue())).toList();
        assertThat(answers).hasSize(2).allMatch(s -> "Zhao Minghui".equals(speakerName(a, s)));
    }

    @Test
    void twoNamedSpeakersTogetherAreAGroup() {
        Analysis a = analyze("Secretary Daniel Park and Minister Anna de Vries announced that the two governments will cut tariffs on solar panels.");
        Statement s = saying(a, "the two governments will cut tariffs").orElseThrow();
        assertThat(s.speakerKind()).isEqualTo(SpeakerKind.GROUP);
        assertThat(s.attributedTo()).contains("Park").contains("de Vries");
    }

    @Test
    void badInputIsAnalysedInBoundedTimeWithoutAnException() {
        String unbalanced = "“An open quote that never ends, said the official. ".repeat(50);
        String oneLongQuote = "“" + "The talks went on and on. ".repeat(400) + "”";
        String nested = "She said " + "“he said ".repeat(20) + "enough" + "”".repeat(20) + ".";
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            labels.append(i % 2 == 0 ? "Q: Is there news today?\n" : "MS. CHEN: Nothing new on tariffs today.\n");
        }
        for (String text : List.of(unbalanced, oneLongQuote, nested, labels.toString(), "word ".repeat(10_000))) {
            Analysis a = analyze(text);
            assertThat(a.statements()).isNotNull();
        }
        Analysis transcript = analyze(labels.toString());
        assertThat(transcript.statements().stream().filter(s -> ":".equals(s.cue()))).hasSize(250);
    }
}
