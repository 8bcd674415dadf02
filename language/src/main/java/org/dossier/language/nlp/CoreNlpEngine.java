package org.dossier.language.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Stanford CoreNLP 4.5.10 in its lean configuration (FACTS.md): tokenize, ssplit, pos, lemma, the 4-class CoNLL NER
 * model with numeric classifiers and SUTime, and the UD dependency parser (basic dependencies only). Coreference, the fine-grained NER
 * gazetteer, the quote annotator and entity linking are left out: they cost most of the time, and our own rules
 * and knowledge files do their jobs for this domain. Thread-safe: one instance serves all threads.
 */
public final class CoreNlpEngine implements LanguageEngine {

    /** Sentences longer than this are not dependency-parsed (the parser's cost grows with length; see pathological input). */
    public static final int MAX_PARSED_SENTENCE_TOKENS = 120;

    /** Prefix of the dependency parser's properties. */
    private static final String DEPENDENCIES = "depparse";

    private final StanfordCoreNLP pipeline;
    private final BasicDependencyAnnotator dependencies;
    private final Properties properties;

    public CoreNlpEngine() {
        this.properties = leanProperties();
        this.pipeline = new StanfordCoreNLP(properties);
        // Run after the pipeline rather than registered in it (customAnnotatorClass): CoreNLP would load the class
        // through the system class loader, which is not the one that loaded CoreNLP in a Quarkus application.
        this.dependencies = new BasicDependencyAnnotator(DEPENDENCIES, properties);
    }

    public static Properties leanProperties() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        // Scraped articles put one paragraph per line, and a title on the first line without a full stop.
        p.setProperty("ssplit.newlineIsSentenceBreak", "always");
        p.setProperty("tokenize.options", "untokenizable=noneKeep,invertible=false");
        p.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz");
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.combinationMode", "NORMAL");
        p.setProperty("ner.buildEntityMentions", "false");
        p.setProperty("ner.useSUTime", "true");
        // Holidays (jollyday) are not needed to resolve news dates and would pull in JAXB.
        p.setProperty("sutime.binders", "0");
        p.setProperty(DEPENDENCIES + ".maxLength", Integer.toString(MAX_PARSED_SENTENCE_TOKENS));
        p.setProperty("pos.maxlen", "400");
        p.setProperty("ner.maxlen", "400");
        return p;
    }

    @Override
    public ParsedText parse(String text, LocalDate referenceDate) {
        Annotation document = new Annotation(text);
        if (referenceDate != null) {
            document.set(CoreAnnotations.DocDateAnnotation.class, referenceDate.toString());
        }
        pipeline.annotate(document);
        dependencies.annotate(document);
        List<Sentence> sentences = new ArrayList<>();
        for (CoreMap s : document.get(CoreAnnotations.SentencesAnnotation.class)) {
            List<CoreLabel> labels = s.get(CoreAnnotations.TokensAnnotation.class);
            List<Token> tokens = new ArrayList<>(labels.size());
            for (int i = 0; i < labels.size(); i++) {
                CoreLabel l = labels.get(i);
                String tag = l.ner() == null ? "O" : l.ner();
                String time = null;
                if ("DATE".equals(tag) || "TIME".equals(tag) || "DURATION".equals(tag) || "SET".equals(tag)) {
                    time = l.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
                }
                tokens.add(new Token(i, l.word(), l.beginPosition(), l.endPosition(), l.tag(), l.lemma(), tag, time));
            }
            List<Dependency> deps = new ArrayList<>();
            SemanticGraph graph = s.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
            if (graph != null) {
                for (SemanticGraphEdge e : graph.edgeIterable()) {
                    deps.add(new Dependency(e.getGovernor().index() - 1, e.getRelation().toString(), e.getDependent().index() - 1));
                }
                graph.getRoots().forEach(r -> deps.add(new Dependency(-1, "root", r.index() - 1)));
            }
            int begin = labels.isEmpty() ? 0 : labels.get(0).beginPosition();
            int end = labels.isEmpty() ? 0 : labels.get(labels.size() - 1).endPosition();
            sentences.add(new Sentence(sentences.size(), begin, end, List.copyOf(tokens), List.copyOf(deps)));
        }
        return new ParsedText(text, List.copyOf(sentences));
    }

    @Override
    public String describe() {
        return "Stanford CoreNLP 4.5.10 (" + properties.getProperty("annotators") + ",depparse (basic); NER 4-class CoNLL + SUTime)";
    }
}
