package org.dossier.entity.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dossier.entity.Document;
import org.dossier.entity.api.EntityView;
import org.dossier.entity.api.StatementView;
import org.dossier.entity.config.EntityConfig;
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
 * article's findings. Results and the "analysed" notice go out through the outbox in the same transaction. The parse
 * ({@link #parse}) and the store ({@link #store}) are apart: the parse runs outside any transaction.
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
    private final EntityConfig entityConfig;

    AnalysisService(DocumentRepository documents, AnalysisRepository analyses, LanguagePipeline pipeline,
                    LanguageConfig config, Outbox outbox, EntityConfig entityConfig) {
        this.entityConfig = entityConfig;
        this.documents = documents;
        this.analyses = analyses;
        this.pipeline = pipeline;
        this.config = config;
        this.outbox = outbox;
    }

    /** What the language pipeline found in one text, before anything is stored; {@code analysis} null: not analysed. */
    public record Parsed(Analysis analysis, String note) {
    }

    /**
     * Parses an article as article-service announced it. Never in a transaction: the parse is the long part of the
     * work and needs no database, so it must not hold a connection (the inbox calls it before opening one).
     */
    @Transactional(Transactional.TxType.NEVER)
    public Parsed parse(ArticleStored article) {
        if (article.text() == null) {
            throw new UnanalysableArticleException("text is missing from the stored-article event");
        }
        if (article.text().length() > config.maxTextChars()) {
            throw new UnanalysableArticleException("text has " + article.text().length()
                    + " characters, more than dossier.language.max-text-chars=" + config.maxTextChars());
        }
        return parse(article.language(), article.text(), article.title(), ranges(article), article.publishedAt());
    }

    /** Stores what {@link #parse(ArticleStored)} found; replaces what a previous analysis of the article recorded. */
    public Document store(ArticleStored article, Parsed parsed) {
        Document document = documents.findByIdOptional(article.articleId()).orElseGet(Document::new);
        document.articleId = article.articleId();
        document.text = article.text();
        document.title = article.title();
        document.publishedAt = article.publishedAt();
        document.language = article.language();
        document.duplicateOf = article.duplicateOf();
        document.ranges = ranges(article);
        return store(document, parsed);
    }

    /**
     * Analyses the stored documents again (after the knowledge files or the rules changed), in batches of
     * {@code dossier.entity.reanalysis-batch-size}: a batch is read, parsed outside any transaction, then stored in one
     * short transaction, so neither a connection nor row locks are held while parsing, and a failure loses one batch.
     * Returns how many documents were analysed again.
     */
    @Transactional(Transactional.TxType.NEVER)
    public int reanalyze(Collection<UUID> articleIds) {
        if (articleIds != null && articleIds.isEmpty()) {
            return 0;
        }
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> articleIds == null
                ? documents.getEntityManager().createQuery("select d.articleId from Document d order by d.articleId",
                        UUID.class).getResultList()
                : documents.getEntityManager().createQuery("select d.articleId from Document d where d.articleId in :ids"
                        + " order by d.articleId", UUID.class).setParameter("ids", articleIds).getResultList());
        int done = 0;
        int size = Math.max(1, entityConfig.reanalysisBatchSize());
        for (int from = 0; from < ids.size(); from += size) {
            List<UUID> batch = ids.subList(from, Math.min(ids.size(), from + size));
            Map<UUID, Parsed> parsed = new LinkedHashMap<>();
            for (Document d : QuarkusTransaction.requiringNew().call(() -> documents.list("articleId in ?1", batch))) {
                parsed.put(d.articleId, parse(d.language, d.text, d.title, d.ranges, d.publishedAt));
            }
            done += QuarkusTransaction.requiringNew().call(() -> {
                int stored = 0;
                for (Map.Entry<UUID, Parsed> p : parsed.entrySet()) {
                    Document document = documents.findById(p.getKey());
                    if (document != null) { // not deleted meanwhile
                        store(document, p.getValue());
                        stored++;
                    }
                }
                return stored;
            });
        }
        return done;
    }

    private Parsed parse(String articleLanguage, String text, String title, String ranges, OffsetDateTime publishedAt) {
        String language = articleLanguage == null ? "en" : articleLanguage.toLowerCase(Locale.ROOT);
        if (!config.languages().contains(language)) {
            return new Parsed(null, "language '" + language + "' is not analysed (accepted: " + config.languages() + ")");
        }
        LocalDate published = publishedAt == null ? null : publishedAt.toLocalDate();
        Analysis analysis = pipeline.analyze(text, ranges(ranges), published, title);
        return new Parsed(analysis, analysis.notes().isEmpty() ? null : String.join("; ", analysis.notes()));
    }

    private Document store(Document document, Parsed parsed) {
        Analysis analysis = parsed.analysis();
        document.note = parsed.note();
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

    /** The body ranges as stored, "start:end,start:end"; null for the whole text. */
    private static String ranges(ArticleStored article) {
        return article.analysisRanges() == null ? null
                : article.analysisRanges().stream().map(r -> r.start() + ":" + r.end()).reduce((a, b) -> a + "," + b).orElse(null);
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
                    s.aboutKeys().stream().map(AnalysisRepository::entityId).toList(), document.publishedAt,
                    start(s.contentSpan()), end(s.contentSpan()), start(s.cueSpan()), end(s.cueSpan()),
                    start(s.speakerSpan()), end(s.speakerSpan()));
            analyses.insertStatement(view, seq++);
            statements.add(new AnalysisResults.ExtractedStatement(view.id(), view.attributedTo(), view.speakerId(),
                    view.speakerKind(), view.cue(), view.content(), view.quote(), view.direct(),
                    new TextRange(view.spanStart(), view.spanEnd()), view.reportedById(), view.saidFrom(), view.saidTo(),
                    view.saidGranularity(), view.about(), range(s.contentSpan()), range(s.cueSpan()), range(s.speakerSpan())));
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

    private static Integer start(org.dossier.language.model.Span span) {
        return span == null ? null : span.start();
    }

    private static Integer end(org.dossier.language.model.Span span) {
        return span == null ? null : span.end();
    }

    private static TextRange range(org.dossier.language.model.Span span) {
        return span == null ? null : new TextRange(span.start(), span.end());
    }
}
