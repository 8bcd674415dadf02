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
 * not the chips control). Controls absent from the taxonomy are {@link ControlPhrases}' business.
 */
final class ControlLinker {

    private record CompiledControl(KnowledgeBase.Control control, List<Pattern> patterns) {
    }

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
