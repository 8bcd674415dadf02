package org.dossier.language.extract;

import java.util.List;

/**
 * One form of reported speech (a reporting clause, a quotation with its attribution, a transcript's speaker labels):
 * reads the parsed text and the article's entities and proposes statements. Rules do not see each other's proposals;
 * {@link StatementResolver} merges those that overlap and settles speakers and spans.
 */
interface StatementRule {

    /** A short name, kept on each proposal: which form found it. */
    String name();

    List<StatementDraft> propose(StatementContext context);
}
