package org.dossier.language.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dossier.language.extract.ArticleAnalyzer;
import org.dossier.language.model.Analysis;
import org.dossier.language.model.CanonicalEntity;
import org.dossier.language.model.EntityKind;
import org.dossier.language.model.EventMention;
import org.dossier.language.model.Role;
import org.dossier.language.model.Span;
import org.dossier.language.model.Statement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the pipeline on every article of a gold file ({@code ../shared/corpus/GUIDELINES.md} format) and writes what it
 * found in the shape of the contract's {@code ArticleExtraction} operation, plus {@code __persons} (every PERSON
 * entity with the aliases of all articles), so that the project's one scorer ({@code ../shared/tools/dossier_eval.py})
 * scores the language pipeline alone exactly as it scores a running stack. Used by {@code bench/language-eval} and the
 * quality floors of the build.
 */
public final class GoldSetExtraction {

    private GoldSetExtraction() {
    }

    public static void write(ArticleAnalyzer analyzer, Path goldFile, Path out) throws IOException {
        ObjectMapper om = new ObjectMapper();
        JsonNode gold = om.readTree(goldFile.toFile());
        boolean header = gold.path("headerFormat").asBoolean(false);
        ObjectNode result = om.createObjectNode();
        Map<String, ObjectNode> persons = new LinkedHashMap<>();
        // Each event mention as an event of its own: what timeline-service merges is not run here.
        ArrayNode timeline = om.createArrayNode();
        for (JsonNode article : gold.get("articles")) {
            String file = article.get("file").asText();
            String text = Files.readString(goldFile.resolveSibling(file));
            if (header) {
                int blank = text.indexOf("\n\n");
                text = blank < 0 ? "" : text.substring(blank + 2); // only the body is ingested
            }
            LocalDate published = OffsetDateTime.parse(article.get("publishedAt").asText()).toLocalDate();
            Analysis a = analyzer.analyze(text, null, published, article.path("title").asText(null));
            Map<String, CanonicalEntity> byKey = new LinkedHashMap<>();
            a.entities().forEach(e -> byKey.put(e.key(), e));
            ObjectNode ex = result.putObject(file);
            ex.put("id", file);
            ArrayNode entities = ex.putArray("entities");
            for (CanonicalEntity e : a.entities()) {
                entities.add(entity(om, e, byKey));
                if (e.kind() == EntityKind.PERSON) {
                    ObjectNode p = persons.computeIfAbsent(e.key(), k -> entity(om, e, byKey));
                    ArrayNode aliases = (ArrayNode) p.get("aliases");
                    for (String alias : e.aliases()) {
                        boolean known = false;
                        for (JsonNode x : aliases) {
                            known |= x.asText().equals(alias);
                        }
                        if (!known) {
                            aliases.add(alias);
                        }
                    }
                }
            }
            for (EventMention m : a.events()) {
                ObjectNode n = timeline.addObject();
                n.put("id", file + "#" + timeline.size());
                n.put("kind", m.kind().name());
                n.put("label", m.label());
                n.put("start", m.when().start().toString());
                n.put("end", m.when().end().toString());
                n.put("dateInferred", m.dateInferred());
                ObjectNode source = n.putArray("sources").addObject();
                source.putObject("article").put("id", file);
                span(source, "span", m.span());
                source.put("quote", m.quote());
            }
            ArrayNode statements = ex.putArray("statements");
            for (Statement s : a.statements()) {
                ObjectNode n = statements.addObject();
                n.put("attributedTo", s.attributedTo());
                n.put("speakerKind", s.speakerKind().name());
                n.put("cue", s.cue());
                n.put("content", s.content());
                n.put("quote", s.quote());
                n.put("direct", s.direct());
                span(n, "span", s.span());
                span(n, "contentSpan", s.contentSpan());
                span(n, "cueSpan", s.cueSpan());
                span(n, "attributedToSpan", s.speakerSpan());
                if (s.speakerKey() != null && byKey.containsKey(s.speakerKey())) {
                    n.set("speaker", entity(om, byKey.get(s.speakerKey()), byKey));
                }
                if (s.reportedByKey() != null && byKey.containsKey(s.reportedByKey())) {
                    n.putObject("reportedBy").put("name", byKey.get(s.reportedByKey()).name());
                }
                ArrayNode about = n.putArray("about");
                s.aboutKeys().forEach(k -> about.add(entity(om, byKey.get(k), byKey)));
            }
        }
        ArrayNode people = result.putArray("__persons");
        result.set("__timeline", timeline);
        persons.values().forEach(people::add);
        Files.createDirectories(out.toAbsolutePath().getParent());
        om.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
    }

    private static void span(ObjectNode n, String field, Span span) {
        if (span == null) {
            n.putNull(field);
        } else {
            n.putObject(field).put("start", span.start()).put("end", span.end());
        }
    }

    private static ObjectNode entity(ObjectMapper om, CanonicalEntity e, Map<String, CanonicalEntity> byKey) {
        ObjectNode n = om.createObjectNode();
        n.put("id", e.key());
        n.put("name", e.name());
        n.put("kind", e.kind().name());
        ArrayNode aliases = n.putArray("aliases");
        e.aliases().forEach(aliases::add);
        ArrayNode roles = n.putArray("roles");
        for (Role r : e.roles()) {
            ObjectNode role = roles.addObject();
            role.put("title", r.title());
            CanonicalEntity org = r.organizationKey() == null ? null : byKey.get(r.organizationKey());
            if (org != null) {
                role.putObject("organization").put("name", org.name());
            } else {
                role.putNull("organization");
            }
            role.put("from", r.from() == null ? null : r.from().toString());
            role.put("to", r.to() == null ? null : r.to().toString());
        }
        if (e.control() != null && e.control().imposedByKey() != null && byKey.containsKey(e.control().imposedByKey())) {
            n.putObject("imposedBy").put("name", byKey.get(e.control().imposedByKey()).name());
        }
        return n;
    }
}
