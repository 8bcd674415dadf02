package org.dossier.language.extract;

import org.dossier.language.model.Span;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds known names in text. Short all-capital aliases ("US", "AP", "EDA") match case-sensitively so that "us" the
 * pronoun is not the United States; longer aliases match in any case. Longest match wins.
 */
final class Gazetteer<T> {

    record Hit<T>(Span span, String text, List<T> entries) {
    }

    private final Map<String, List<T>> byAlias = new HashMap<>();
    private final List<String> exactAliases = new ArrayList<>();
    private final List<String> foldedAliases = new ArrayList<>();
    private Pattern exact;
    private Pattern folded;

    void add(String alias, T entry) {
        if (alias == null || alias.isBlank()) {
            return;
        }
        boolean caseSensitive = alias.length() <= 5 && alias.equals(alias.toUpperCase(Locale.ROOT));
        String key = caseSensitive ? alias : alias.toLowerCase(Locale.ROOT);
        List<T> entries = byAlias.computeIfAbsent(key, k -> new ArrayList<>());
        if (entries.isEmpty()) {
            (caseSensitive ? exactAliases : foldedAliases).add(alias);
        }
        if (!entries.contains(entry)) {
            entries.add(entry);
        }
    }

    Gazetteer<T> build() {
        exact = compile(exactAliases, 0);
        folded = compile(foldedAliases, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return this;
    }

    private static Pattern compile(List<String> aliases, int flags) {
        if (aliases.isEmpty()) {
            return null;
        }
        List<String> sorted = new ArrayList<>(aliases);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder sb = new StringBuilder("(?<![\\p{L}\\p{N}])(?:");
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                sb.append('|');
            }
            sb.append(Pattern.quote(sorted.get(i)));
        }
        // An alias ending in a full stop ("U.S.") may end the sentence, so only letters and digits must not follow.
        sb.append(")(?![\\p{L}\\p{N}])");
        return Pattern.compile(sb.toString(), flags);
    }

    /** Non-overlapping hits in text[from, to), longest first. */
    List<Hit<T>> find(String text, int from, int to) {
        List<Hit<T>> hits = new ArrayList<>();
        collect(exact, text, from, to, false, hits);
        collect(folded, text, from, to, true, hits);
        hits.sort(Comparator.comparingInt((Hit<T> h) -> h.span().end() - h.span().start()).reversed()
                .thenComparingInt(h -> h.span().start()));
        List<Hit<T>> kept = new ArrayList<>();
        for (Hit<T> h : hits) {
            if (kept.stream().noneMatch(k -> k.span().overlaps(h.span()))) {
                kept.add(h);
            }
        }
        kept.sort(Comparator.comparingInt(h -> h.span().start()));
        return kept;
    }

    private void collect(Pattern p, String text, int from, int to, boolean fold, List<Hit<T>> out) {
        if (p == null) {
            return;
        }
        Matcher m = p.matcher(text).region(from, to);
        m.useTransparentBounds(true);
        while (m.find()) {
            String found = m.group();
            List<T> entries = byAlias.get(fold ? found.toLowerCase(Locale.ROOT) : found);
            if (entries != null) {
                out.add(new Hit<>(new Span(m.start(), m.end()), found, entries));
            }
        }
    }
}
