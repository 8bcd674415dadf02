package org.dossier.timeline.service;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.dossier.events.AnalysisResults;
import org.dossier.events.ArticleAnalyzed;

/**
 * What entity-service reported in the events of one transaction (one event, or a poll's worth), waiting to be merged
 * and placed together before it commits. Gone with the transaction, so a rolled-back batch leaves nothing behind.
 */
@TransactionScoped
class QueuedAnalyses implements Serializable {

    private final List<AnalysisResults> results = new ArrayList<>();
    private final List<ArticleAnalyzed> analyses = new ArrayList<>();

    void add(AnalysisResults result) {
        results.add(result);
    }

    void add(ArticleAnalyzed analysis) {
        analyses.add(analysis);
    }

    List<AnalysisResults> takeResults() {
        List<AnalysisResults> taken = List.copyOf(results);
        results.clear();
        return taken;
    }

    List<ArticleAnalyzed> takeAnalyses() {
        List<ArticleAnalyzed> taken = List.copyOf(analyses);
        analyses.clear();
        return taken;
    }
}
