package org.dossier.language.extract;

import org.dossier.language.knowledge.KnowledgeBase;
import org.dossier.language.model.ControlFacts;
import org.dossier.language.model.EntityKeys;
import org.dossier.language.model.EntityKind;
import org.dossier.language.model.Mention;
import org.dossier.language.model.Span;
import org.dossier.language.nlp.ParsedText;
import org.dossier.language.nlp.Sentence;
import org.dossier.language.nlp.Token;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Controls the taxonomy does not know, read from the parse: a noun phrase headed by a control noun
 * ({@code control-terms.json}) with the modifiers that make it one ("China's export controls on gallium", "the
 * Section 232 steel tariffs") becomes a control entity named as written, imposed by the country the phrase names;
 * and a phrase that only refers back ("the curbs", "this move") is a mention of the control named last before it.
 * Runs after {@link ControlLinker}, whose taxonomy matches it leaves alone.
 */
final class ControlPhrases {

    /** Relations of the words of a control's name before its head noun. */
    private static final Set<String> NAME_MODIFIERS = Set.of("compound", "amod", "nmod:poss", "nummod", "flat");
    private static final Set<String> POSSESSIVE = Set.of("'s", "\u2019s", "'", "\u2019");
    private static final Set<String> GENERIC = Set.of("new", "more", "further", "other", "such", "some", "any", "current",
            "existing", "its", "their", "his", "her", "our", "these", "those", "this", "that", "the", "a", "an", "all");
    /** How far back (characters) a control may be referred to by "the curbs". */
    private static final int ANAPHORA_REACH = 1_500;
    private static final int MAX_OBJECT_TOKENS = 5;

    private final KnowledgeBase.ControlTerms terms;

    ControlPhrases(KnowledgeBase kb) {
        this.terms = kb.controlTerms;
    }

    void find(ParsedText parsed, ArticleEntities out) {
        String text = parsed.text();
        for (Sentence s : parsed.sentences()) {
            for (Token head : s.tokens()) {
                if (!head.isNoun()) {
                    continue;
                }
                String lemma = head.lemma().toLowerCase(Locale.ROOT);
                Optional<KnowledgeBase.ControlHead> control = terms.heads().stream().filter(h -> h.lemma().equals(lemma)).findFirst();
                if (control.isPresent() && named(text, s, head, control.get(), out)) {
                    continue;
                }
                if (terms.anaphoricHeads().contains(lemma)) {
                    referBack(text, s, head, out);
                }
            }
        }
    }

    /** Adds the control a phrase names; false when the phrase names none (no modifier makes it one). */
    private boolean named(String text, Sentence s, Token head, KnowledgeBase.ControlHead control, ArticleEntities out) {
        int first = head.index();
        boolean content = false;
        boolean required = control.requires() == null || control.requires().isEmpty();
        while (true) {
            int t = first - 1;
            if (t >= 0 && s.head(t) >= first && s.head(t) <= head.index() && NAME_MODIFIERS.contains(s.relationOf(t))
                    && !s.relationOf(t).equals("case") && !s.token(t).isVerb()) {
                first = t;
            } else if (t >= 1 && POSSESSIVE.contains(s.token(t).text()) && s.head(t) == t - 1
                    && s.head(t - 1) >= first && s.head(t - 1) <= head.index()) {
                first = t - 1; // "Canada 's export controls": the possessor and its mark
            } else {
                break;
            }
        }
        for (int i = first; i < head.index(); i++) {
            String w = s.token(i).text().toLowerCase(Locale.ROOT);
            boolean requiredWord = control.requires() != null && (control.requires().contains(w)
                    || control.requires().contains(s.token(i).lemma().toLowerCase(Locale.ROOT)));
            required |= requiredWord;
            // "export controls" alone names no particular control; "Dutch export controls" does.
            if (!requiredWord && !GENERIC.contains(w) && !s.token(i).isPunctuation() && !s.relationOf(i).equals("case")) {
                content = true;
            }
        }
        int last = head.index();
        // "... on gallium and germanium", "... against Chinese goods": the object names it too.
        for (int c : s.children(head.index())) {
            boolean object = s.relationOf(c).startsWith("nmod") && !s.relationOf(c).equals("nmod:poss")
                    && s.children(c).stream().anyMatch(k -> Set.of("on", "against", "of").contains(s.token(k).text().toLowerCase(Locale.ROOT)));
            if (object && c > head.index()) {
                List<Integer> sub = s.subtree(c, Set.of("acl", "acl:relcl", "advcl", "ccomp", "parataxis"));
                int end = sub.get(sub.size() - 1);
                if (end - head.index() <= MAX_OBJECT_TOKENS) {
                    last = end;
                    content = true;
                }
            }
        }
        while (first < head.index() && (GENERIC.contains(s.token(first).text().toLowerCase(Locale.ROOT)) || s.token(first).isPunctuation())) {
            first++;
        }
        if (!content || !required) {
            return false;
        }
        Span span = new Span(s.token(first).begin(), s.token(last).end());
        if (out.within(span).stream().anyMatch(m -> m.kind() == EntityKind.CONTROL) || coveredByControl(out, span)) {
            return true; // the taxonomy's, already
        }
        String written = text.substring(span.start(), span.end()).replaceAll("\\s+", " ");
        // The country named before the head imposes it ("China's export controls"); one after is its target
        // ("tariffs on Chinese goods").
        Span name = new Span(span.start(), head.end());
        String imposedBy = out.within(name).stream().filter(m -> m.kind() == EntityKind.COUNTRY).map(Mention::entityKey)
                .findFirst().orElse(null);
        ArticleEntities.Builder b = out.entity(EntityKeys.newKey("control", written.toLowerCase(Locale.ROOT)), EntityKind.CONTROL, written);
        if (b.control == null) {
            b.control = new ControlFacts(control.measure(), imposedBy, List.of(), List.of());
            b.countryKey = imposedBy;
        }
        out.mention(b, written, span, "control phrase, not in the taxonomy");
        return true;
    }

    /** "the curbs", "this move": the control mentioned last before, if near enough. */
    private void referBack(String text, Sentence s, Token head, ArticleEntities out) {
        List<Integer> modifiers = s.children(head.index());
        boolean definite = modifiers.stream().anyMatch(c -> s.relationOf(c).equals("det")
                && terms.anaphoricDeterminers().contains(s.token(c).text().toLowerCase(Locale.ROOT)));
        boolean bare = modifiers.stream().noneMatch(c -> Set.of("compound", "amod", "nmod", "nmod:poss").contains(s.relationOf(c)));
        Span span = new Span(s.token(head.index()).begin(), head.end());
        if (!definite || !bare || coveredByControl(out, span)) {
            return;
        }
        Optional<Mention> last = out.lastBefore(span.start(), EntityKind.CONTROL, m -> span.start() - m.span().end() <= ANAPHORA_REACH);
        last.flatMap(m -> out.get(m.entityKey())).ifPresent(b ->
                out.reference(b, text.substring(span.start(), span.end()), span, "refers back to " + b.name));
    }

    private static boolean coveredByControl(ArticleEntities out, Span span) {
        return out.mentions().stream().anyMatch(m -> m.kind() == EntityKind.CONTROL && m.span().overlaps(span));
    }
}
