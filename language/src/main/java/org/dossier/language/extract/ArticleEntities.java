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

    List<Mention> mentions() {
        return mentions.stream().sorted(Comparator.comparingInt(m -> m.span().start())).toList();
    }

    List<CanonicalEntity> build() {
        return entities.values().stream().map(Builder::build).toList();
    }
}
