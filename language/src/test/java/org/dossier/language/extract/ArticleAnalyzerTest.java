package org.dossier.language.extract;

import org.dossier.language.model.Analysis;
import org.dossier.language.model.CanonicalEntity;
import org.dossier.language.model.DateRange;
import org.dossier.language.model.Granularity;
import org.dossier.language.model.SpeakerKind;
import org.dossier.language.model.Statement;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The extraction rules on sentences of our own, through the real engine (no Quarkus). */
class ArticleAnalyzerTest {

    private static final LocalDate PUBLISHED = TestAnalyzer.PUBLISHED;

    private static Analysis analyze(String text) {
        return TestAnalyzer.analyze(text);
    }

    private static Statement only(Analysis a) {
        assertThat(a.statements()).hasSize(1);
        return a.statements().get(0);
    }

    @Test
    void aTitledOfficialIsResolvedByThePostHeldOnThePublicationDate() {
        String text = "Commerce Secretary Howard Lutnick said on Tuesday that licences for ethane shipments would be reviewed.";
        Statement s = only(analyze(text));
        assertThat(s.speakerKey()).isEqualTo("person:howard-lutnick");
        assertThat(s.speakerKind()).isEqualTo(SpeakerKind.PERSON);
        assertThat(s.cue()).isEqualTo("said");
        assertThat(s.content()).startsWith("licences for ethane shipments");
        assertThat(s.aboutKeys()).containsExactly("control:us-chemicals-export-controls");
        assertThat(s.saidOn()).isEqualTo(DateRange.day(LocalDate.of(2025, 6, 17)));
        assertThat(text.substring(s.span().start(), s.span().end())).startsWith("Commerce Secretary Howard Lutnick said");
    }

    @Test
    void aGarbledNameNextToAPostResolvesToWhoHeldThePostThen() {
        Analysis a = analyze("The White House National Economic Council Director Larry Hassett stated that tariffs would stay.");
        assertThat(only(a).speakerKey()).isEqualTo("person:kevin-hassett");
        assertThat(a.mentions()).anySatisfy(m -> {
            assertThat(m.entityKey()).isEqualTo("person:kevin-hassett");
            assertThat(m.resolution()).contains("held the post");
        });
    }

    @Test
    void anUnknownPersonBecomesAnEntityAndTheSurnameLaterResolvesToIt() {
        Analysis a = analyze("Maria Castellanos, a trade lawyer in Madrid, said the rules were vague. "
                + "Castellanos added that companies would stockpile gallium.");
        assertThat(a.statements()).hasSize(2);
        assertThat(a.statements()).extracting(Statement::speakerKey).containsOnly("person:new:maria-castellanos");
        assertThat(a.statements().get(1).aboutKeys()).containsExactly("control:cn-gallium-germanium-export-controls");
        CanonicalEntity person = a.entities().stream().filter(e -> e.key().equals("person:new:maria-castellanos")).findFirst().orElseThrow();
        assertThat(person.aliases()).contains("Castellanos");
    }

    @Test
    void aCapitalThatSpeaksIsItsGovernment() {
        Statement s = only(analyze("Beijing warned that it would add more American firms to the unreliable entity list."));
        assertThat(s.speakerKind()).isEqualTo(SpeakerKind.GOVERNMENT);
        assertThat(s.speakerKey()).isEqualTo("country:CN");
        assertThat(s.aboutKeys()).containsExactly("control:cn-unreliable-entity-list");
    }

    @Test
    void accordingToMakesTheOutletTheReporterOfTheInnerStatement() {
        Statement s = only(analyze("According to Bloomberg, Jamieson Greer claimed that the Section 301 tariffs would remain."));
        assertThat(s.speakerKey()).isEqualTo("person:jamieson-greer");
        assertThat(s.reportedByKey()).isEqualTo("org:bloomberg");
        assertThat(s.aboutKeys()).containsExactly("control:us-section-301-tariffs");
    }

    @Test
    void citedSourcesSpeakAndTheOutletReports() {
        Statement s = only(analyze("Reuters reported on Monday, citing people familiar with the matter, that Nvidia's H20 chips "
                + "would need a licence."));
        assertThat(s.speakerKind()).isEqualTo(SpeakerKind.ANONYMOUS);
        assertThat(s.attributedTo()).contains("people familiar");
        assertThat(s.reportedByKey()).isEqualTo("org:reuters");
        assertThat(s.aboutKeys()).containsExactly("control:us-advanced-chip-export-controls");
    }

    @Test
    void pronounSpeakersAndImpersonalCuesAreAttributed() {
        Analysis a = analyze("Rachel Reeves said the talks were useful. She also revealed that a visit to Beijing was planned. "
                + "It is understood that the Entity List will grow.");
        assertThat(a.statements()).hasSize(3);
        assertThat(a.statements().get(1).speakerKey()).isEqualTo("person:rachel-reeves");
        assertThat(a.statements().get(1).cue()).isEqualTo("revealed");
        Statement impersonal = a.statements().get(2);
        assertThat(impersonal.speakerKind()).isEqualTo(SpeakerKind.ANONYMOUS);
        assertThat(impersonal.speakerKey()).isNull();
        assertThat(impersonal.aboutKeys()).containsExactly("control:us-entity-list");
    }

    @Test
    void aQuoteBeforeItsSpeakerIsDirectAndIsTheContentWhateverFollowsTheVerb() {
        Analysis a = analyze("Commerce Minister Wang Wentao said on Tuesday that gallium licences would be reviewed. "
                + "\"We will not allow controlled items to reach military users,\" Wang told reporters in Beijing. "
                + "Trade Minister Tomas Lindqvist spoke after him. "
                + "\"We will keep the restrictions on cobalt until the talks conclude,\" Lindqvist said in The Hague.");
        assertThat(a.statements()).hasSize(3);
        Statement wang = a.statements().get(1);
        assertThat(wang.content()).isEqualTo("We will not allow controlled items to reach military users");
        assertThat(wang.direct()).isTrue();
        assertThat(wang.speakerKey()).isEqualTo(a.statements().get(0).speakerKey());
        Statement lindqvist = a.statements().get(2);
        assertThat(lindqvist.content()).isEqualTo("We will keep the restrictions on cobalt until the talks conclude");
        assertThat(lindqvist.direct()).isTrue();
        assertThat(lindqvist.speakerKey()).isEqualTo("person:new:tomas-lindqvist");
        assertThat(a.statements().get(0).direct()).isFalse();
    }

    @Test
    void theAuthorsOwnVoiceIsNotAStatement() {
        Analysis a = analyze("This suggests that the rare earth controls are working. I have to say the talks went well. "
                + "Note that the tariff truce ends in August.");
        assertThat(a.statements()).isEmpty();
    }

    @Test
    void aControlTheStatementExcludesIsStillWhatItIsAbout() {
        Statement s = only(analyze("Scott Bessent said export controls would be eased, but this will not include "
                + "Nvidia's most advanced AI chips."));
        assertThat(s.aboutKeys()).contains("control:us-advanced-chip-export-controls");
    }

    @Test
    void aControlMissingFromTheTaxonomyBecomesANewControl() {
        Analysis a = analyze("The ministry announced export controls on lithium battery cathodes from October.");
        assertThat(a.entities()).anySatisfy(e -> {
            assertThat(e.key()).startsWith("control:new:");
            assertThat(e.name()).contains("lithium");
        });
    }

    @Test
    void relativeDatesAreResolvedAgainstThePublicationDate() {
        Analysis a = analyze("The deal was agreed last month in Geneva.");
        assertThat(a.times()).anySatisfy(t -> assertThat(t.range())
                .isEqualTo(new DateRange(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31), Granularity.MONTH)));
        assertThat(a.events()).anySatisfy(e -> assertThat(e.placeKeys()).containsExactly("place:geneva"));
    }

    @Test
    void excludedRangesAreBlankedButSpansStillPointIntoTheStoredText() {
        String stored = "Disclaimer: Reuters said nothing.\nHe Lifeng said that talks would resume.";
        int body = stored.indexOf("He Lifeng");
        Analysis a = TestAnalyzer.get().analyze(stored, List.of(new ArticleAnalyzer.Range(body, stored.length())), PUBLISHED);
        Statement s = only(a);
        assertThat(s.speakerKey()).isEqualTo("person:he-lifeng");
        assertThat(stored.substring(s.span().start(), s.span().end())).startsWith("He Lifeng said");
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 300, unit = java.util.concurrent.TimeUnit.SECONDS) // a guard against a stall, not a speed check
    void pathologicalInputIsAnalysedAndNothingHangs() {
        String noFullStop = "tariffs and controls and talks ".repeat(2_000); // 10,000 tokens, no sentence end
        Analysis run = analyze(noFullStop);
        assertThat(run.tokenCount()).isEqualTo(10_000);
        assertThat(run.statements()).isEmpty();
        assertThat(analyze("1234 5678 90 12.5 % 3,000").statements()).isEmpty();
        assertThat(analyze("<div><p>&nbsp;</p><span class=\"x\"></span></div>").statements()).isEmpty();
        assertThat(analyze("").tokenCount()).isZero();
        assertThat(ArticleAnalyzer.breakRunOnText(noFullStop)).hasSameSizeAs(noFullStop);
    }

    @Test
    void eventMentionsTakeTheDateTheParseLinksThemToOrAnInferredOne() {
        LocalDate published = LocalDate.of(2025, 7, 30);
        Analysis a = TestAnalyzer.get().analyze("Negotiators met in Stockholm on July 28. The Stockholm talks ended without a deal. "
                + "Rachel Reeves will meet He Lifeng in Beijing. If the U.S. does not ease restrictions, exports will suffer.",
                null, published);
        assertThat(a.events()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(org.dossier.language.model.EventKind.MEETING);
            assertThat(e.when()).isEqualTo(DateRange.day(LocalDate.of(2025, 7, 28)));
            assertThat(e.dateInferred()).isFalse();
            assertThat(e.placeKeys()).containsExactly("place:stockholm");
        });
        assertThat(a.events()).anySatisfy(e -> {
            // Undated, told after a dated happening: the narrative's day, marked as inferred.
            assertThat(e.kind()).isEqualTo(org.dossier.language.model.EventKind.TALKS);
            assertThat(e.dateInferred()).isTrue();
            assertThat(e.when()).isEqualTo(DateRange.day(LocalDate.of(2025, 7, 28)));
        });
        assertThat(a.events()).anySatisfy(e -> {
            assertThat(e.participantKeys()).contains("person:rachel-reeves", "person:he-lifeng");
            assertThat(e.when()).isEqualTo(new DateRange(published, LocalDate.of(2025, 7, 31), Granularity.MONTH));
            assertThat(e.quote()).contains("Rachel Reeves will meet");
        });
        assertThat(a.events()).noneMatch(e -> e.kind() == org.dossier.language.model.EventKind.CONTROL_EASED);
    }

    @Test
    void anExtendedDeadlineIsComputed() {
        Analysis a = TestAnalyzer.get().analyze("Officials said the tariff deadline of August 12 would be extended by another 90 days.",
                null, LocalDate.of(2025, 8, 1));
        assertThat(a.events()).anySatisfy(e -> assertThat(e.when()).isEqualTo(DateRange.day(LocalDate.of(2025, 8, 12))));
        assertThat(a.events()).anySatisfy(e -> {
            assertThat(e.label()).isEqualTo("Deadline extended by 90 days");
            assertThat(e.when()).isEqualTo(DateRange.day(LocalDate.of(2025, 11, 10)));
        });
    }
}
