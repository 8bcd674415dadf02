package org.dossier.language.extract;

import org.dossier.language.knowledge.KnowledgeBase;
import org.dossier.language.model.Statement;
import org.dossier.language.model.TimeExpression;
import org.dossier.language.nlp.ParsedText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reported speech in an article: each form is a {@link StatementRule} of its own (transcript labels, quotations,
 * reporting clauses); {@link StatementResolver} merges what they propose.
 */
final class StatementExtractor {

    private final List<StatementRule> rules;
    private final StatementResolver resolver = new StatementResolver();
    private final SpeakerFinder speakers;

    StatementExtractor(KnowledgeBase kb) {
        this.speakers = new SpeakerFinder(kb);
        this.rules = List.of(new SpeakerLabelRule(kb, speakers), new QuotationRule(kb, speakers),
                new ReportingClauseRule(kb, speakers));
    }

    SpeakerFinder speakers() {
        return speakers;
    }

    List<Statement> extract(ParsedText parsed, ArticleEntities entities, SpeakerRef titleSpeaker, LocalDate published,
                            List<TimeExpression> times) {
        StatementContext context = new StatementContext(parsed, entities, titleSpeaker);
        List<StatementDraft> proposals = new ArrayList<>();
        for (StatementRule rule : rules) {
            proposals.addAll(rule.propose(context));
        }
        return resolver.resolve(proposals, context, published, times);
    }
}
