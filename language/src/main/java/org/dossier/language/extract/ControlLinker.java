package org.dossier.language.extract;

import org.dossier.language.knowledge.KnowledgeBase;
import org.dossier.language.model.ControlFacts;
import org.dossier.language.model.EntityKeys;
import org.dossier.language.model.EntityKind;
import org.dossier.language.model.Span;
import org.dossier.language.nlp.ParsedText;
import org.dossier.language.nlp.Sentence;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds controls in text from the taxonomy's patterns. Controls are tried in file order and a span claimed by one is
 * not claimed again, so the file lists the specific before the general ("chip design software" is the EDA control,
 * not the chips control). A control named in text but absent from the taxonomy ("export controls on lithium")
 * becomes a new control entity, unless its object is generic ("certain technologies").
 */
final class ControlLinker {

    private record CompiledControl(KnowledgeBase.Control control, List<Pattern> patterns) {
    }

    private static final Pattern NAMED_CONTROL = Pattern.compile(
            "\\b(export controls?|export restrictions?|export bans?|sanctions|tariffs?|import bans?) on ((?:[a-z][\\w-]*\\s?){1,4}?)(?=[,.;:)]|\\s(?:to|for|from|in|by|and|as|that|which|with)\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> GENERIC_OBJECTS = Set.of("certain", "some", "technology", "technologies", "products",
            "goods", "items", "exports", "imports", "china", "the", "its", "their", "us", "them", "it", "such", "these",
            "those", "all", "other", "key", "critical", "strategic", "sensitive");

    private final List<CompiledControl> controls = new ArrayList<>();
    private final EntityFinder entities;

    ControlLinker(KnowledgeBase kb, EntityFinder entities) {
        this.entities = entities;
        for (KnowledgeBase.Control c : kb.controls) {
            controls.add(new CompiledControl(c, c.patterns().stream()
                    .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList()));
        }
    }

    void find(ParsedText parsed, ArticleEntities out) {
        String text = parsed.text();
        for (Sentence s : parsed.sentences()) {
            List<Span> claimed = new ArrayList<>();
            for (CompiledControl cc : controls) {
                for (Pattern p : cc.patterns()) {
                    Matcher m = p.matcher(text).region(s.begin(), s.end());
                    while (m.find()) {
                        Span span = new Span(m.start(), m.end());
                        if (claimed.stream().noneMatch(c -> c.overlaps(span))) {
                            claimed.add(span);
                            out.mention(control(out, cc.control()), m.group(), span, "taxonomy pattern " + p.pattern());
                        }
                    }
                }
            }
            Matcher m = NAMED_CONTROL.matcher(text).region(s.begin(), s.end());
            while (m.find()) {
                Span object = new Span(m.start(2), m.end(2));
                String firstWord = m.group(2).trim().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
                String measureWord = m.group(1).toLowerCase(java.util.Locale.ROOT);
                Span whole = new Span(m.start(), m.end(2));
                if (claimed.stream().anyMatch(c -> c.overlaps(whole)) || GENERIC_OBJECTS.contains(firstWord)
                        || m.group(2).isBlank() || measureWord.startsWith(firstWord) || firstWord.startsWith(measureWord)) {
                    continue;
                }
                String name = m.group(1).toLowerCase(java.util.Locale.ROOT) + " on " + m.group(2).trim();
                ArticleEntities.Builder b = out.entity(EntityKeys.newKey("control", name), EntityKind.CONTROL, name);
                if (b.control == null) {
                    String measure = m.group(1).toLowerCase(java.util.Locale.ROOT).contains("tariff") ? "TARIFF"
                            : m.group(1).toLowerCase(java.util.Locale.ROOT).contains("sanction") ? "SANCTION" : "EXPORT_CONTROL";
                    b.control = new ControlFacts(measure, null, List.of(), List.of());
                }
                Span span = new Span(m.start(), m.end(2));
                claimed.add(span);
                out.mention(b, text.substring(span.start(), span.end()).trim(), span, "control named in text, not in the taxonomy");
            }
        }
    }

    private ArticleEntities.Builder control(ArticleEntities out, KnowledgeBase.Control c) {
        ArticleEntities.Builder b = out.entity("control:" + c.id(), EntityKind.CONTROL, c.name());
        if (b.control == null) {
            b.aliases.addAll(c.aliases());
            b.countryKey = "country:" + c.imposedBy();
            b.control = new ControlFacts(c.measure(), "country:" + c.imposedBy(),
                    c.targets().stream().map(t -> "country:" + t).toList(),
                    c.items().stream().map(i -> "commodity:" + i).toList());
            entities.countryById(out, c.imposedBy());
        }
        return b;
    }
}
