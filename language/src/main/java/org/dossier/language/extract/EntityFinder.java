package org.dossier.language.extract;

import org.dossier.language.knowledge.KnowledgeBase;
import org.dossier.language.model.EntityKeys;
import org.dossier.language.model.EntityKind;
import org.dossier.language.model.Role;
import org.dossier.language.model.Span;
import org.dossier.language.nlp.ParsedText;
import org.dossier.language.nlp.Sentence;
import org.dossier.language.nlp.Token;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the mentions of people, organisations, countries, places and commodities, and resolves each to a canonical
 * entity: known names from the knowledge files, then the engine's named entities, with people resolved by alias,
 * by the post named beside them and held on the publication date, and by surname within the article. An unknown
 * person becomes a new entity. Controls are found by {@link ControlLinker}.
 */
final class EntityFinder {

    /** What a gazetteer alias stands for. */
    sealed interface Known permits KnownCountry, KnownCapital, KnownPlace, KnownOrganization, KnownOfficial, KnownCommodity {
    }

    record KnownCountry(KnowledgeBase.Country country, boolean adjective) implements Known {
    }

    record KnownCapital(KnowledgeBase.Country country) implements Known {
    }

    record KnownPlace(KnowledgeBase.Place place) implements Known {
    }

    record KnownOrganization(KnowledgeBase.Organization organization) implements Known {
    }

    record KnownOfficial(KnowledgeBase.Official official) implements Known {
    }

    record KnownCommodity(KnowledgeBase.Commodity commodity) implements Known {
    }

    private static final java.util.Set<String> CLAUSE_BREAKS = java.util.Set.of(",", ";", ":", "(", ")", "\"", "``", "''", "-LRB-", "-RRB-");

    private final KnowledgeBase kb;
    private final Gazetteer<Known> names = new Gazetteer<>();
    private final Gazetteer<KnowledgeBase.Post> posts = new Gazetteer<>();

    EntityFinder(KnowledgeBase kb) {
        this.kb = kb;
        for (KnowledgeBase.Country c : kb.countries) {
            c.aliases().forEach(a -> names.add(a, new KnownCountry(c, false)));
            c.adjectives().forEach(a -> names.add(a, new KnownCountry(c, true)));
            c.capitals().forEach(a -> names.add(a, new KnownCapital(c)));
        }
        for (KnowledgeBase.Place p : kb.places) {
            p.aliases().forEach(a -> names.add(a, new KnownPlace(p)));
        }
        for (KnowledgeBase.Organization o : kb.organizations) {
            o.aliases().forEach(a -> names.add(a, new KnownOrganization(o)));
        }
        for (KnowledgeBase.Official o : kb.officials) {
            // Single-word aliases (surnames) only count where the engine saw a person; see resolvePerson.
            o.aliases().stream().filter(a -> a.contains(" ")).forEach(a -> names.add(a, new KnownOfficial(o)));
        }
        for (KnowledgeBase.Commodity c : kb.commodities) {
            c.aliases().forEach(a -> names.add(a, new KnownCommodity(c)));
        }
        names.build();
        kb.posts.values().forEach(p -> p.aliases().forEach(a -> posts.add(a, p)));
        posts.build();
    }

    void find(ParsedText parsed, LocalDate published, ArticleEntities out) {
        String text = parsed.text();
        for (Sentence s : parsed.sentences()) {
            boolean headline = isHeadline(s);
            for (Gazetteer.Hit<Known> hit : names.find(text, s.begin(), s.end())) {
                if (!alignsWithTokens(s, hit.span())) {
                    continue;
                }
                addKnown(s, hit, published, out);
            }
            for (int[] run : entityRuns(s)) {
                Span span = new Span(s.token(run[0]).begin(), s.token(run[1]).end());
                if (out.isCovered(span)) {
                    continue;
                }
                String tag = s.token(run[0]).entityTag();
                String surface = text.substring(span.start(), span.end());
                if ("PERSON".equals(tag)) {
                    resolvePerson(text, s, run[0], run[1], surface, span, published, out);
                } else if (!headline && "ORGANIZATION".equals(tag) && run[1] - run[0] < 5) {
                    ArticleEntities.Builder org = out.entity(EntityKeys.newKey("org", surface), EntityKind.ORGANIZATION, surface);
                    out.mention(org, surface, span, "named entity, not in the knowledge files");
                } else if (!headline && "LOCATION".equals(tag) && run[1] - run[0] < 4) {
                    ArticleEntities.Builder place = out.entity(EntityKeys.newKey("place", surface), EntityKind.PLACE, surface);
                    out.mention(place, surface, span, "named entity, not in the knowledge files");
                }
            }
        }
    }

    private void addKnown(Sentence s, Gazetteer.Hit<Known> hit, LocalDate published, ArticleEntities out) {
        Known k = hit.entries().get(0);
        if (k instanceof KnownCountry kc) {
            // An alias that is both name and adjective ("U.S.") is listed twice; the name reading wins.
            boolean adjective = hit.entries().stream().allMatch(e -> e instanceof KnownCountry c && c.adjective());
            out.mention(country(out, kc.country()), hit.text(), hit.span(), adjective ? "demonym" : "country name");
        } else if (k instanceof KnownCapital cap) {
            int tok = tokenAt(s, hit.span().start());
            String rel = s.relationOf(tok);
            boolean acting = rel.startsWith("nsubj") || rel.equals("nmod:poss")
                    || (tok + 1 < s.tokens().size() && s.token(tok + 1).text().equals("'s"));
            if (acting) {
                out.mention(country(out, cap.country()), hit.text(), hit.span(), "capital acting for its government (metonymy)");
            } else {
                KnowledgeBase.Place place = kb.places.stream().filter(p -> p.aliases().contains(hit.text())).findFirst().orElse(null);
                ArticleEntities.Builder b = place != null ? place(out, place)
                        : out.entity(EntityKeys.newKey("place", hit.text()), EntityKind.PLACE, hit.text());
                out.mention(b, hit.text(), hit.span(), "capital city as a place");
            }
        } else if (k instanceof KnownPlace kp) {
            out.mention(place(out, kp.place()), hit.text(), hit.span(), "place name");
        } else if (k instanceof KnownOrganization ko) {
            out.mention(organization(out, ko.organization()), hit.text(), hit.span(), "organization name");
        } else if (k instanceof KnownOfficial ko) {
            out.mention(official(out, ko.official()), hit.text(), hit.span(), "full name of a known official");
        } else if (k instanceof KnownCommodity kc) {
            ArticleEntities.Builder b = out.entity("commodity:" + kc.commodity().id(), EntityKind.COMMODITY, kc.commodity().name());
            out.mention(b, hit.text(), hit.span(), "commodity name");
        }
    }

    private void resolvePerson(String text, Sentence s, int first, int last, String surface, Span span, LocalDate published,
                               ArticleEntities out) {
        String lower = surface.toLowerCase(Locale.ROOT);
        List<KnowledgeBase.Official> byAlias = kb.officials.stream()
                .filter(o -> o.aliases().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(lower))).toList();
        Optional<KnowledgeBase.Post> post = postBeside(text, s, first, last);
        String surname = s.token(last).text();
        if (post.isPresent() && published != null) {
            List<KnowledgeBase.Official> holders = holdersOn(post.get(), published);
            if (holders.size() == 1 && (byAlias.isEmpty() || byAlias.contains(holders.get(0)))
                    && holders.get(0).surname().equalsIgnoreCase(surname)) {
                out.mention(official(out, holders.get(0)), surface, span,
                        "held the post " + post.get().title() + " on " + published + " and the surname matches");
                return;
            }
        }
        if (byAlias.size() == 1) {
            out.mention(official(out, byAlias.get(0)), surface, span, "alias of a known official");
            return;
        }
        if (first == last) {
            // A surname alone: the person of that surname already named in this article.
            Optional<ArticleEntities.Builder> earlier = out.mentions().stream()
                    .filter(m -> m.kind() == EntityKind.PERSON && m.span().start() < span.start())
                    .map(m -> out.get(m.entityKey()).orElseThrow())
                    .filter(b -> surnameOf(b).equalsIgnoreCase(surname))
                    .findFirst();
            if (earlier.isPresent()) {
                out.mention(earlier.get(), surface, span, "surname of " + earlier.get().name + " named earlier in the article");
                return;
            }
        }
        ArticleEntities.Builder person = out.entity(EntityKeys.newKey("person", surface), EntityKind.PERSON, surface);
        if (post.isPresent() && person.roles.isEmpty()) {
            KnowledgeBase.Post p = post.get();
            person.roles.add(new Role(p.id(), p.title(), p.organization() == null ? null : "org:" + p.organization(),
                    "country:" + p.country(), null, null));
            person.countryKey = "country:" + p.country();
        }
        out.mention(person, surface, span, byAlias.size() > 1 ? "ambiguous alias; kept as its own person" : "person not in the knowledge files");
    }

    /** A post named right before the name ("Chancellor Rachel Reeves") or in apposition after it (", chairman of ..."). */
    private Optional<KnowledgeBase.Post> postBeside(String text, Sentence s, int first, int last) {
        int from = first;
        while (from > 0 && first - from < 10 && !CLAUSE_BREAKS.contains(s.token(from - 1).text())) {
            from--;
        }
        if (from < first) {
            Span before = new Span(s.token(from).begin(), s.token(first - 1).end());
            Optional<KnowledgeBase.Post> p = lastPostIn(text, before, s);
            if (p.isPresent()) {
                return p;
            }
        }
        if (last + 2 < s.tokens().size() && s.token(last + 1).text().equals(",")) {
            int to = last + 2;
            while (to + 1 < s.tokens().size() && !s.token(to + 1).text().equals(",") && to - last < 14) {
                to++;
            }
            return lastPostIn(text, new Span(s.token(last + 2).begin(), s.token(to).end()), s);
        }
        return Optional.empty();
    }

    private Optional<KnowledgeBase.Post> lastPostIn(String text, Span window, Sentence s) {
        List<Gazetteer.Hit<KnowledgeBase.Post>> hits = posts.find(text, window.start(), window.end());
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(hits.get(hits.size() - 1).entries().get(0));
    }

    private List<KnowledgeBase.Official> holdersOn(KnowledgeBase.Post post, LocalDate date) {
        return kb.officials.stream()
                .filter(o -> o.posts().stream().anyMatch(t -> t.post().equals(post.id()) && t.heldOn(date)))
                .toList();
    }

    ArticleEntities.Builder official(ArticleEntities out, KnowledgeBase.Official o) {
        ArticleEntities.Builder b = out.entity("person:" + o.id(), EntityKind.PERSON, o.name());
        if (b.wikidataId == null && b.roles.isEmpty()) {
            b.wikidataId = o.wikidataId();
            b.countryKey = "country:" + o.country();
            b.aliases.addAll(o.aliases());
            for (KnowledgeBase.Tenure t : o.posts()) {
                KnowledgeBase.Post p = kb.posts.get(t.post());
                b.roles.add(new Role(p.id(), p.title(), p.organization() == null ? null : "org:" + p.organization(),
                        "country:" + p.country(), t.from(), t.to()));
            }
        }
        return b;
    }

    ArticleEntities.Builder country(ArticleEntities out, KnowledgeBase.Country c) {
        ArticleEntities.Builder b = out.entity("country:" + c.id(), EntityKind.COUNTRY, c.name());
        b.wikidataId = c.wikidataId();
        return b;
    }

    ArticleEntities.Builder countryById(ArticleEntities out, String id) {
        return kb.countries.stream().filter(c -> c.id().equals(id)).findFirst().map(c -> country(out, c)).orElse(null);
    }

    ArticleEntities.Builder organization(ArticleEntities out, KnowledgeBase.Organization o) {
        ArticleEntities.Builder b = out.entity("org:" + o.id(), EntityKind.ORGANIZATION, o.name());
        b.wikidataId = o.wikidataId();
        b.countryKey = o.country() == null ? null : "country:" + o.country();
        b.organizationKind = o.kind();
        return b;
    }

    private ArticleEntities.Builder place(ArticleEntities out, KnowledgeBase.Place p) {
        ArticleEntities.Builder b = out.entity("place:" + p.id(), EntityKind.PLACE, p.name());
        b.wikidataId = p.wikidataId();
        b.countryKey = "country:" + p.country();
        return b;
    }

    /** Maximal runs of tokens with the same PERSON / ORGANIZATION / LOCATION / MISC tag. */
    private static List<int[]> entityRuns(Sentence s) {
        List<int[]> runs = new ArrayList<>();
        int i = 0;
        while (i < s.tokens().size()) {
            String tag = s.token(i).entityTag();
            if (tag.equals("PERSON") || tag.equals("ORGANIZATION") || tag.equals("LOCATION")) {
                int j = i;
                while (j + 1 < s.tokens().size() && s.token(j + 1).entityTag().equals(tag)) {
                    j++;
                }
                runs.add(new int[]{i, j});
                i = j + 1;
            } else {
                i++;
            }
        }
        return runs;
    }

    /** A title line: most words capitalised. The engine's NER is unreliable there, so only known names count. */
    private static boolean isHeadline(Sentence s) {
        long words = s.tokens().stream().filter(t -> Character.isLetter(t.text().charAt(0))).count();
        long capitalised = s.tokens().stream().filter(t -> Character.isUpperCase(t.text().charAt(0))).count();
        return words >= 4 && capitalised * 10 >= words * 7 && !s.token(s.tokens().size() - 1).text().equals(".");
    }

    static boolean alignsWithTokens(Sentence s, Span span) {
        boolean start = false;
        boolean end = false;
        for (Token t : s.tokens()) {
            start |= t.begin() == span.start();
            end |= t.end() == span.end();
        }
        return start && end;
    }

    static int tokenAt(Sentence s, int charOffset) {
        for (Token t : s.tokens()) {
            if (t.begin() <= charOffset && charOffset < t.end()) {
                return t.index();
            }
        }
        return 0;
    }

    /** A known official's family name from the knowledge files, else the last word of the name. */
    private String surnameOf(ArticleEntities.Builder person) {
        return kb.officials.stream().filter(o -> person.key.equals("person:" + o.id())).findFirst()
                .map(KnowledgeBase.Official::surname).orElseGet(() -> lastWord(person.name));
    }

    private static String lastWord(String name) {
        String[] parts = name.split(" ");
        return parts[parts.length - 1];
    }
}
