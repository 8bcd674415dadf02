package org.dossier.entity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dossier.entity.Document;
import org.dossier.entity.api.EntityView;
import org.dossier.entity.api.StatementView;
import org.dossier.entity.config.LanguageConfig;
import org.dossier.entity.repository.AnalysisRepository;
import org.dossier.entity.repository.DocumentRepository;
import org.dossier.events.AnalysisResults;
import org.dossier.events.ArticleAnalyzed;
import org.dossier.events.ArticleProcessingFailed;
import org.dossier.events.ArticleStored;
import org.dossier.events.DossierEvents;
import org.dossier.events.TextRange;
import org.dossier.language.extract.ArticleAnalyzer;
import org.dossier.language.model.Analysis;
import org.dossier.language.model.CanonicalEntity;
import org.dossier.language.model.EntityKeys;
import org.dossier.language.model.EventMention;
import org.dossier.language.model.Mention;
import org.dossier.language.model.Statement;
import org.dossier.messaging.Outbox;

/**
 * Analyses stored articles with the language pipeline and records what it found: canonical entities (enriched
 * across articles), mentions with their resolution, statements and event mentions. A re-analysis replaces the
 * article's findings. Results and the "analysed" notice go out through the outbox in the same transaction.
 */
@ApplicationScoped
@Transactional
public class AnalysisService {

    /** Resolutions that are exact known names need no review; the others are recorded as merges that can be undone. */
    private static final Set<String> EXACT = Set.of("full name of a known official", "alias of a known official");

    private final DocumentRepository documents;
    private final AnalysisRepository analyses;
    private final LanguagePipeline pipeline;
    private final LanguageConfig config;
    private final Outbox outbox;

    AnalysisService(DocumentRepository documents, AnalysisRepository analyses, LanguagePipeline pipeline,
                    LanguageConfig config, Outbox outbox) {
        this.documents = documents;
        this.analyses = analyses;
        this.pipeline = pipeline;
        this.config = config;
        this.outbox = outbox;
    }

    /** Analyses an article as article-service announced it. Re-analysing replaces what the previous analysis recorded. */
    public Document analyze(ArticleStored article) {
        if (article.text() == null) {
            throw new UnanalysableArticleException("text is missing from the stored-article event");
        }
        if (article.text().length() > config.maxTextChars()) {
            throw new UnanalysableArticleException("text has " + article.text().length()
                    + " characters, more than dossier.language.max-text-chars=" + config.maxTextChars());
        }
        Document document = documents.findByIdOptional(article.articleId()).orElseGet(Document::new);
        document.articleId = article.articleId();
        document.text = article.text();
        document.publishedAt = article.publishedAt();
        document.language = article.language();
        document.duplicateOf = article.duplicateOf();
        document.ranges = article.analysisRanges() == null ? null
                : article.analysisRanges().stream().map(r -> r.start() + ":" + r.end()).reduce((a, b) -> a + "," + b).orElse(null);
        return run(document);
    }

    /** Analyses the stored documents again (after the knowledge files or the rules changed). */
    public int reanalyze(Collection<UUID> articleIds) {
        List<Document> docs = articleIds == null ? documents.listAll() : documents.list("articleId in ?1", articleIds);
        docs.forEach(this::run);
        return docs.size();
    }

    private Document run(Document document) {
        String language = document.language == null ? "en" : document.language.toLowerCase(Locale.ROOT);
        Analysis analysis = null;
        document.note = null;
        if (!config.languages().contains(language)) {
            document.note = "language '" + language + "' is not analysed (accepted: " + config.languages() + ")";
        } else {
            LocalDate published = document.publishedAt == null ? null : document.publishedAt.toLocalDate();
            analysis = pipeline.analyze(document.text, ranges(document.ranges), published);
            if (!analysis.notes().isEmpty()) {
                document.note = String.join("; ", analysis.notes());
            }
        }
        document.analyzedAt = OffsetDateTime.now(ZoneOffset.UTC);
        document.tokenCount = analysis == null ? 0 : analysis.tokenCount();
        document.mentionCount = analysis == null ? 0 : analysis.mentions().size();
        document.statementCount = analysis == null ? 0 : analysis.statements().size();
        if (!documents.isPersistent(document)) {
            documents.persist(document);
        }
        documents.flush();
        analyses.clearArticle(document.articleId);
        AnalysisResults results = analysis == null
                ? new AnalysisResults(document.articleId, document.publishedAt, List.of(), List.of())
                : record(document, analysis);
        outbox.publish(DossierEvents.ANALYSIS_RESULTS, document.articleId.toString(), results);
        outbox.publish(DossierEvents.ARTICLE_ANALYZED, document.articleId.toString(), new ArticleAnalyzed(document.articleId,
                document.analyzedAt, document.mentionCount, document.statementCount));
        return document;
    }

    private AnalysisResults record(Document document, Analysis analysis) {
        UUID articleId = document.articleId;
        Set<String> undone = analyses.undoneMerges();
        Map<String, String> remap = new HashMap<>();
        // In key order: two articles analysed at once upsert shared entities (a country, a control); in the order of
        // appearance they locked the same rows in opposite orders and deadlocked, about once a minute at 3 articles/s.
        List<CanonicalEntity> byKey = analysis.entities().stream().sorted(Comparator.comparing(CanonicalEntity::key)).toList();
        for (CanonicalEntity e : byKey) {
            analyses.upsertEntity(e.key(), e.kind().name(), e.name(), e.aliases().isEmpty() ? List.of(e.name())
                            : concat(e.name(), e.aliases()), e.wikidataId(), idOrNull(e.countryKey()), e.organizationKind(),
                    e.roles().stream().map(r -> new EntityView.RoleView(r.title(), idOrNull(r.organizationKey()),
                            idOrNull(r.countryKey()), r.from(), r.to())).toList(),
                    e.control() == null ? null : new EntityView.ControlView(e.control().measure(),
                            idOrNull(e.control().imposedByKey()),
                            e.control().targetKeys().stream().map(AnalysisRepository::entityId).toList(),
                            e.control().itemKeys().stream().map(AnalysisRepository::entityId).toList()));
        }
        int seq = 0;
        for (Mention m : analysis.mentions()) {
            String key = m.entityKey();
            UUID entityId = AnalysisRepository.entityId(key);
            if (undone.contains(m.text().toLowerCase(Locale.ROOT) + "|" + entityId)) {
                // Someone undid this merge before: keep the name apart.
                String separate = EntityKeys.newKey("person", m.text());
                analyses.upsertEntity(separate, m.kind().name(), m.text(), List.of(m.text()), null, null, null, List.of(), null);
                remap.put(key + "|" + m.text(), separate);
                entityId = AnalysisRepository.entityId(separate);
            } else if (!EXACT.contains(m.resolution()) && m.kind() == org.dossier.language.model.EntityKind.PERSON
                    && key.startsWith("person:") && !key.equals(EntityKeys.newKey("person", m.text()))) {
                analyses.recordMerge(articleId, m.text(), entityId, m.resolution());
            }
            analyses.insertMention(articleId, seq++, entityId, m.text(), m.span().start(), m.span().end(), m.resolution());
        }
        List<AnalysisResults.ExtractedStatement> statements = new ArrayList<>();
        seq = 0;
        for (Statement s : analysis.statements()) {
            String speakerKey = s.speakerKey();
            for (Map.Entry<String, String> r : remap.entrySet()) {
                if (r.getKey().startsWith(speakerKey + "|") && s.attributedTo().contains(r.getKey().substring(speakerKey.length() + 1))) {
                    speakerKey = r.getValue();
                }
            }
            StatementView view = new StatementView(AnalysisRepository.statementId(articleId, seq), articleId,
                    s.attributedTo(), idOrNull(speakerKey), s.speakerKind().name(), s.cue(), s.content(), s.quote(),
                    s.direct(), s.span().start(), s.span().end(), idOrNull(s.reportedByKey()),
                    s.saidOn() == null ? null : s.saidOn().start(), s.saidOn() == null ? null : s.saidOn().end(),
                    s.saidOn() == null ? null : s.saidOn().granularity().name(),
                    s.aboutKeys().stream().map(AnalysisRepository::entityId).toList(), document.publishedAt);
            analyses.insertStatement(view, seq++);
            statements.add(new AnalysisResults.ExtractedStatement(view.id(), view.attributedTo(), view.speakerId(),
                    view.speakerKind(), view.cue(), view.content(), view.quote(), view.direct(),
                    new TextRange(view.spanStart(), view.spanEnd()), view.reportedById(), view.saidFrom(), view.saidTo(),
                    view.saidGranularity(), view.about()));
        }
        List<AnalysisResults.ExtractedEventMention> events = new ArrayList<>();
        seq = 0;
        for (EventMention e : analysis.events()) {
            UUID id = AnalysisRepository.eventMentionId(articleId, seq);
            List<UUID> participants = ids(e.participantKeys());
            List<UUID> places = ids(e.placeKeys());
            List<UUID> controls = ids(e.controlKeys());
            analyses.insertEventMention(id, articleId, seq++, e.kind().name(), e.trigger(), e.label(), e.when().start(),
                    e.when().end(), e.when().granularity().name(), e.dateInferred(), participants, places, controls, e.quote(),
                    e.span().start(), e.span().end());
            events.add(new AnalysisResults.ExtractedEventMention(id, e.kind().name(), e.trigger(), e.label(),
                    e.when().start(), e.when().end(), e.when().granularity().name(), e.dateInferred(), participants, places, controls,
                    e.quote(), new TextRange(e.span().start(), e.span().end())));
        }
        return new AnalysisResults(articleId, document.publishedAt, statements, events);
    }

    /** Tells the pipeline that this article could not be analysed, and why. */
    public void reportFailure(UUID articleId, String reason) {
        outbox.publish(DossierEvents.ANALYSIS_FAILED, articleId.toString(),
                new ArticleProcessingFailed(articleId, "analysis", reason, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Document> find(Collection<UUID> articleIds) {
        return articleIds.isEmpty() ? List.of() : documents.list("articleId in ?1", articleIds);
    }

    private static List<ArticleAnalyzer.Range> ranges(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        List<ArticleAnalyzer.Range> out = new ArrayList<>();
        for (String r : stored.split(",")) {
            String[] p = r.split(":");
            out.add(new ArticleAnalyzer.Range(Integer.parseInt(p[0]), Integer.parseInt(p[1])));
        }
        return out;
    }

    private static List<UUID> ids(List<String> keys) {
        return keys.stream().map(AnalysisRepository::entityId).toList();
    }

    private static UUID idOrNull(String key) {
        return key == null ? null : AnalysisRepository.entityId(key);
    }

    private static List<String> concat(String name, Collection<String> aliases) {
        List<String> out = new ArrayList<>();
        out.add(name);
        out.addAll(aliases);
        return out;
    }

    /** The article cannot be analysed as sent; retrying will not help. */
    public static final class UnanalysableArticleException extends RuntimeException {
        public UnanalysableArticleException(String reason) {
            super(reason);
        }
    }
}
