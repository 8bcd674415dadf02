package org.dossier.language.extract;

import org.dossier.language.model.CanonicalEntity;
import org.dossier.language.model.ControlFacts;
import org.dossier.language.model.EntityKind;
import org.dossier.language.model.Mention;
import org.dossier.language.model.Role;
import org.dossier.language.model.Span;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The entities of one article and every mention of them, as they are found. */
final class ArticleEntities {

    static final class Builder {
        final String key;
        final EntityKind kind;
        String name;
        final Set<String> aliases = new LinkedHashSet<>();
        String wikidataId;
        String countryKey;
        final List<Role> roles = new ArrayList<>();
        ControlFacts control;
        String organizationKind;

        Builder(String key, EntityKind kind, String name) {
            this.key = key;
            this.kind = kind;
            this.name = name;
        }

        CanonicalEntity build() {
            Set<String> otherNames = new LinkedHashSet<>(aliases);
            otherNames.remove(name);
            return new CanonicalEntity(key, kind, name, otherNames, wikidataId, countryKey, List.copyOf(roles), control,
                    organizationKind);
        }
    }

    private final Map<String, Builder> entities = new LinkedHashMap<>();
    private final List<Mention> mentions = new ArrayList<>();

    Builder entity(String key, EntityKind kind, String name) {
        return entities.computeIfAbsent(key, k -> {
            Builder b = new Builder(k, kind, name);
            b.aliases.add(name);
            return b;
        });
    }

    Optional<Builder> get(String key) {
        return Optional.ofNullable(entities.get(key));
    }

    void mention(Builder entity, String text, Span span, String resolution) {
        entity.aliases.add(text);
        mentions.add(new Mention(entity.key, entity.kind, text, span, resolution));
    }

    /** A mention that only refers back ("the curbs"): not one of the entity's names. */
    void reference(Builder entity, String text, Span span, String resolution) {
        mentions.add(new Mention(entity.key, entity.kind, text, span, resolution));
    }

    boolean isCovered(Span span) {
        return mentions.stream().anyMatch(m -> m.span().overlaps(span));
    }

    /** Mentions inside the span, in text order. */
    List<Mention> within(Span span) {
        return mentions.stream().filter(m -> span.contains(m.span()))
                .sorted(Comparator.comparingInt(m -> m.span().start())).toList();
    }

    Optional<Mention> at(Span span) {
        return mentions.stream().filter(m -> m.span().overlaps(span))
                .max(Comparator.comparingInt(m -> m.span().end() - m.span().start()));
    }

    /** The last mention of that kind that starts before the offset. */
    Optional<Mention> lastBefore(int offset, EntityKind kind) {
        return lastBefore(offset, kind, m -> true);
    }

    Optional<Mention> lastBefore(int offset, EntityKind kind, java.util.function.Predicate<Mention> also) {
        return mentions.stream().filter(m -> m.kind() == kind && m.span().start() < offset && also.test(m))
                .max(Comparator.comparingInt(m -> m.span().start()));
    }

    /**
     * Of the entities mentioned before the offset that pass the test, the most salient: the one mentioned most often
     * so far, the latest of those on a tie ("the Secretary" of a readout is its protagonist, not the party secretary
     * named in passing).
     */
    Optional<Mention> salientBefore(int offset, EntityKind kind, java.util.function.Predicate<Mention> also) {
        List<Mention> before = mentions.stream().filter(m -> m.kind() == kind && m.span().start() < offset && also.test(m)).toList();
        java.util.Map<String, Long> counts = before.stream()
                .collect(java.util.stream.Collectors.groupingBy(Mention::entityKey, java.util.stream.Collectors.counting()));
        return before.stream().max(Comparator.<Mention>comparingLong(m -> counts.get(m.entityKey()))
                .thenComparingInt(m -> m.span().start()));
    }

    String organizationKindOf(String key) {
        Builder b = entities.get(key);
        return b == null ? null : b.organizationKind;
    }

    /** Takes an entity found elsewhere (in the article's title) without a mention in the text. */
    void adopt(Builder entity) {
        entities.putIfAbsent(entity.key, entity);
    }

    Set<String> aliasesOf(String key) {
        Builder b = entities.get(key);
        return b == null ? Set.of() : b.aliases;
    }

    /**
     * The person whose names hold all these words, whatever their case ("JEAN-PIERRE" for Karine Jean-Pierre, "Lin
     * Jian"); the one mentioned first when several do.
     */
    Optional<String> personNamed(List<String> words) {
        for (Mention m : mentions()) {
            if (m.kind() != EntityKind.PERSON) {
                continue;
            }
            for (String alias : entities.get(m.entityKey()).aliases) {
                Set<String> have = new java.util.HashSet<>();
                for (String w : alias.toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
                    have.add(w.replaceAll("[.,]$", ""));
                }
                if (words.stream().allMatch(w -> have.contains(w.toLowerCase(java.util.Locale.ROOT)))) {
                    return Optional.of(m.entityKey());
                }
            }
        }
        return Optional.empty();
    }

    /** The first person mentioned whose known posts carry the title word ("secretary" for the Secretary of State). */
    Optional<Mention> firstPersonTitled(String title) {
        return mentions().stream().filter(m -> m.kind() == EntityKind.PERSON && holdsPostTitled(m.entityKey(), title)).findFirst();
    }

    boolean holdsPostTitled(String key, String title) {
        Builder b = entities.get(key);
        return b != null && b.roles.stream().anyMatch(r -> r.title() != null
                && r.title().toLowerCase(java.util.Locale.ROOT).matches("(?s)(.*\\W)?" + title + "(\\W.*)?"));
    }

    List<Mention> mentions() {
        return mentions.stream().sorted(Comparator.comparingInt(m -> m.span().start())).toList();
    }

    List<CanonicalEntity> build() {
        return entities.values().stream().map(Builder::build).toList();
    }
}
