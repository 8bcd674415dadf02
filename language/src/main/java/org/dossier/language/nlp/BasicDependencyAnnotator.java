package org.dossier.language.nlp;

import edu.stanford.nlp.ling.CoreAnnotation;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.parser.nndep.DependencyParser;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.SentenceAnnotator;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphFactory;
import edu.stanford.nlp.trees.GrammaticalStructure;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.PropertiesUtils;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * CoreNLP's neural dependency parser, keeping only the basic UD graph, which is all our rules read. CoreNLP's own
 * {@code depparse} annotator derives four more graphs from every parse (collapsed, CC-processed, enhanced,
 * enhanced++); the enhanced++ rewriting alone runs dozens of Semgrex patterns per sentence. Leaving them out made
 * the pipeline 5% faster (bench/README.md). It also honours {@code maxLength}, which CoreNLP's
 * annotator ignores: a longer sentence (a run-on table row, a list scraped as one line) gets no graph rather than
 * a parse whose cost grows with its length.
 *
 * <p>Its properties are those of the pipeline under the given prefix ({@code depparse.model}, {@code depparse.maxLength}).
 */
public final class BasicDependencyAnnotator extends SentenceAnnotator {

    private final DependencyParser parser;
    private final int maxLength;

    public BasicDependencyAnnotator(String prefix, Properties properties) {
        Properties own = PropertiesUtils.extractPrefixedProperties(properties, prefix + ".");
        this.parser = DependencyParser.loadFromModelFile(
                own.getProperty("model", DependencyParser.DEFAULT_MODEL), own);
        this.maxLength = PropertiesUtils.getInt(own, "maxLength", Integer.MAX_VALUE);
    }

    @Override
    protected int nThreads() {
        return 1; // Documents are analysed in parallel by the caller's threads.
    }

    @Override
    protected long maxTime() {
        return -1;
    }

    @Override
    protected void doOneSentence(Annotation annotation, CoreMap sentence) {
        List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
        if (tokens == null || tokens.isEmpty() || tokens.size() > maxLength) {
            return;
        }
        GrammaticalStructure structure = parser.predict(sentence);
        sentence.set(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class,
                SemanticGraphFactory.makeFromTree(structure, SemanticGraphFactory.Mode.BASIC,
                        GrammaticalStructure.Extras.NONE, null));
    }

    @Override
    protected void doOneFailedSentence(Annotation annotation, CoreMap sentence) {
        // Never called: no time limit is set (maxTime), and only a timed-out sentence fails.
    }

    @Override
    public Set<Class<? extends CoreAnnotation>> requires() {
        return Set.of(CoreAnnotations.TokensAnnotation.class, CoreAnnotations.SentencesAnnotation.class,
                CoreAnnotations.PartOfSpeechAnnotation.class);
    }

    @Override
    public Set<Class<? extends CoreAnnotation>> requirementsSatisfied() {
        return Set.of(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
    }
}
