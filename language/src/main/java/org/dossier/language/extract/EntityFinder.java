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
    private final StatedRoles statedRoles;
    private final Gazetteer<Known> names = new Gazetteer<>();
    private final Gazetteer<KnowledgeBase.Post> posts = new Gazetteer<>();

    EntityFinder(KnowledgeBase kb) {
        this.kb = kb;
        this.statedRoles = new StatedRoles(kb);
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
        List<Pending> pending = new ArrayList<>();
        for (Sentence s : parsed.sentences()) {
            boolean headline = isHeadline(s);
            for (Gazetteer.Hit<Known> hit : names.find(text, s.begin(), s.end())) {
                if (!alignsWithTokens(s, hit.span())) {
                    continue;
                }
                addKnown(s, hit, published, out);
            }
            boolean[] postWord = postWords(text, s);
            for (int[] run : runs(text, s, postWord, out)) {
                Span span = new Span(s.token(run[0]).begin(), s.token(run[1]).end());
                if (out.isCovered(span)) {
                    continue;
                }
                String tag = s.token(run[1]).entityTag();
                String surface = text.substring(span.start(), span.end());
                if (run[2] == 1) {
                    resolvePerson(text, s, run[0], run[1], surface, span, published, out, postWord, pending);
                    continue;
                }
                Runnable asNamed = null;
                if (!headline && "ORGANIZATION".equals(tag) && run[1] - run[0] < 5) {
                    asNamed = () -> {
                        ArticleEntities.Builder org = out.entity(EntityKeys.newKey("org", surface), EntityKind.ORGANIZATION, surface);
                        out.mention(org, surface, span, "named entity, not in the knowledge files");
                    };
                } else if (!headline && "LOCATION".equals(tag) && run[1] - run[0] < 4) {
                    asNamed = () -> {
                        ArticleEntities.Builder place = out.entity(EntityKeys.newKey("place", surface), EntityKind.PLACE, surface);
                        out.mention(place, surface, span, "named entity, not in the knowledge files");
                    };
                }
                if (!titledSurname(text, s, run[0], run[1], tag, surface, span, out, postWord, pending, asNamed) && asNamed != null) {
                    asNamed.run();
                }
            }
        }
        resolvePending(pending, out);
    }

    /**
     * A surname the article has not tied to a full name yet ("Secretary Lee's Visit" above "Secretary of State Dana K.
     * Lee"): decided once the whole article is read, as the person of that surname named anywhere in it, else
     * {@code otherwise} (a new person, the engine's organisation, or nothing).
     */
    private record Pending(Span span, String surface, String surname, String why, Runnable otherwise) {
    }

    private void resolvePending(List<Pending> pending, ArticleEntities out) {
        pending.sort(java.util.Comparator.comparingInt(p -> p.span().start()));
        for (Pending p : pending) {
            if (out.isCovered(p.span())) {
                continue;
            }
            Optional<ArticleEntities.Builder> named = personBySurname(out, p.surname(), p.span().start(), true);
            if (named.isPresent()) {
                out.mention(named.get(), p.surface(), p.span(), p.why() + " " + named.get().name + " named in the article");
            } else if (p.otherwise() != null) {
                p.otherwise().run();
            }
        }
    }

    /** The person whose surname this is: the last one mentioned before the offset, else (if allowed) the first after. */
    private Optional<ArticleEntities.Builder> personBySurname(ArticleEntities out, String surname, int before, boolean orAfter) {
        String want = surname.toLowerCase(Locale.ROOT);
        List<org.dossier.language.model.Mention> people = out.mentions().stream()
                .filter(m -> m.kind() == EntityKind.PERSON)
                .filter(m -> out.get(m.entityKey()).map(b -> surnamesOf(b).contains(want)).orElse(false))
                .toList();
        Optional<org.dossier.language.model.Mention> earlier = people.stream().filter(m -> m.span().start() < before)
                .reduce((a, b) -> b);
        Optional<org.dossier.language.model.Mention> chosen = earlier.isPresent() || !orAfter ? earlier : people.stream().findFirst();
        return chosen.flatMap(m -> out.get(m.entityKey()));
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
                               ArticleEntities out, boolean[] postWord, List<Pending> pending) {
        // Greetings and question labels of transcripts ("Hello", "Q. Hello") are not people.
        int from = first;
        while (from <= last && isGreeting(s.token(from))) {
            from++;
        }
        if (from > last) {
            return;
        }
        boolean greeted = from > first;
        // A pronoun alone is never a surname ("He raised concerns" beside He Lifeng).
        if (from == last && s.token(from).pos().startsWith("PRP")) {
            return;
        }
        List<int[]> words = words(s, from, last);
        int w = 0;
        while (w < words.size() - 1 && isTitle(text, s, words.get(w), postWord, false)) {
            w++;
        }
        int[] lastWord = words.get(words.size() - 1);
        String lastText = text.substring(s.token(lastWord[0]).begin(), s.token(lastWord[1]).end());
        if (words.size() == 1 || w == words.size() - 1) {
            if (isTitle(text, s, lastWord, postWord, false)) {
                // Titles alone ("H.E.", "Minister"): a person only where someone of that surname is named earlier.
                personBySurname(out, lastText, span.start(), false)
                        .ifPresent(b -> out.mention(b, surface, span, "surname of " + b.name + " named earlier in the article"));
                return;
            }
        }
        // Words that may be posts ("EVP", a common noun) count as such when what follows is a person already named.
        int tentative = w;
        while (tentative < words.size() - 1 && isTitle(text, s, words.get(tentative), postWord, true)) {
            tentative++;
        }
        if (tentative > w && tentative == words.size() - 1) {
            Optional<ArticleEntities.Builder> earlier = personBySurname(out, lastText, span.start(), false);
            if (earlier.isPresent()) {
                out.mention(earlier.get(), surface, span, "surname of " + earlier.get().name + " named earlier in the article");
                return;
            }
        }
        List<int[]> nameWords = words.subList(w, words.size());
        String name = text.substring(s.token(nameWords.get(0)[0]).begin(), span.end());
        if (allCapitals(name) && labelAtLineStart(text, s, first, last)) {
            // A transcript's speaker label ("MS. LEE-PARK:"): the person of that surname named in the article, or no one.
            pending.add(new Pending(span, surface, lastText, "speaker label: surname of", null));
            return;
        }
        NameForms forms = nameForms(text, s, nameWords);
        if (greeted) {
            // "Thanks, Dana": only a person named before.
            personBySurname(out, forms.surname(), span.start(), false)
                    .ifPresent(b -> out.mention(b, surface, span, "surname of " + b.name + " named earlier in the article"));
            return;
        }
        java.util.Set<String> lowerForms = new java.util.HashSet<>();
        for (String f : List.of(surface, name, forms.normal(), forms.withoutInitials())) {
            lowerForms.add(f.toLowerCase(Locale.ROOT));
        }
        List<KnowledgeBase.Official> byAlias = kb.officials.stream()
                .filter(o -> o.aliases().stream().anyMatch(a -> lowerForms.contains(a.toLowerCase(Locale.ROOT)))).toList();
        Optional<KnowledgeBase.Post> post = postBeside(text, s, first, last);
        String surname = forms.surname();
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
        if (nameWords.size() == 1) {
            // A surname alone: the person of that surname already named in this article, else decided at the end.
            Optional<ArticleEntities.Builder> earlier = personBySurname(out, surname, span.start(), false);
            if (earlier.isPresent()) {
                out.mention(earlier.get(), surface, span, "surname of " + earlier.get().name + " named earlier in the article");
                return;
            }
            boolean ambiguous = byAlias.size() > 1;
            pending.add(new Pending(span, surface, surname, "surname of",
                    () -> newPerson(out, forms, surface, span, post, stated(text, s, nameWords.get(0)[0], last, post), ambiguous)));
            return;
        }
        // The same full name written another way earlier (with or without initials, family name first).
        Optional<ArticleEntities.Builder> same = out.mentions().stream()
                .filter(m -> m.kind() == EntityKind.PERSON && m.span().start() < span.start())
                .map(m -> out.get(m.entityKey()).orElseThrow())
                .filter(b -> b.aliases.stream().anyMatch(a -> withoutInitials(a).equalsIgnoreCase(forms.withoutInitials())))
                .findFirst();
        if (same.isPresent()) {
            out.mention(same.get(), surface, span, "another form of " + same.get().name + " named earlier in the article");
            return;
        }
        newPerson(out, forms, surface, span, post, stated(text, s, nameWords.get(0)[0], last, post), byAlias.size() > 1);
    }

    /** The role the text states beside the name, when no known post stands there. */
    private Optional<String> stated(String text, Sentence s, int first, int last, Optional<KnowledgeBase.Post> post) {
        return post.isPresent() ? Optional.empty() : statedRoles.beside(text, s, first, last);
    }

    private void newPerson(ArticleEntities out, NameForms forms, String surface, Span span, Optional<KnowledgeBase.Post> post,
                           Optional<String> statedRole, boolean ambiguous) {
        ArticleEntities.Builder person = out.entity(EntityKeys.newKey("person", forms.normal()), EntityKind.PERSON, forms.normal());
        person.aliases.add(forms.written());
        person.aliases.add(forms.withoutInitials());
        if (post.isPresent() && person.roles.isEmpty()) {
            KnowledgeBase.Post p = post.get();
            person.roles.add(new Role(p.id(), p.title(), p.organization() == null ? null : "org:" + p.organization(),
                    "country:" + p.country(), null, null));
            person.countryKey = "country:" + p.country();
        } else if (statedRole.isPresent() && person.roles.isEmpty()) {
            person.roles.add(new Role(null, statedRole.get(), null, null, null, null));
        }
        out.mention(person, surface, span, ambiguous ? "ambiguous alias; kept as its own person" : "person not in the knowledge files");
    }

    /**
     * A run the engine did not call a person ("EVP Dombrovskis" as an organisation) whose last word is the surname of a
     * person named in the article and whose other words are all titles: that person.
     */
    private boolean titledSurname(String text, Sentence s, int first, int last, String tag, String surface, Span span,
                                  ArticleEntities out, boolean[] postWord, List<Pending> pending, Runnable otherwise) {
        List<int[]> words = words(s, first, last);
        int[] lastWord = words.get(words.size() - 1);
        Token lastToken = s.token(lastWord[1]);
        if (!Character.isUpperCase(lastToken.text().charAt(0)) || isTitle(text, s, lastWord, postWord, true)) {
            return false;
        }
        String surname = text.substring(s.token(lastWord[0]).begin(), lastToken.end());
        if (words.size() == 1) {
            if (!"ORGANIZATION".equals(tag) || !lastToken.isProperNoun()) {
                return false;
            }
            Optional<ArticleEntities.Builder> earlier = personBySurname(out, surname, span.start(), false);
            earlier.ifPresent(b -> out.mention(b, surface, span, "surname of " + b.name + " named earlier in the article"));
            return earlier.isPresent();
        }
        boolean definite = false;
        for (int[] word : words.subList(0, words.size() - 1)) {
            if (isTitle(text, s, word, postWord, false)) {
                definite = true;
            } else if (!isTitle(text, s, word, postWord, true)) {
                return false;
            }
        }
        Optional<ArticleEntities.Builder> earlier = personBySurname(out, surname, span.start(), false);
        if (earlier.isPresent()) {
            out.mention(earlier.get(), surface, span, "title and surname of " + earlier.get().name + " named earlier in the article");
            return true;
        }
        if (definite) {
            pending.add(new Pending(span, surface, surname, "title and surname of", otherwise));
            return true;
        }
        return false;
    }

    /** A name as written, in normal order ("Takeshi Iwaya" for "IWAYA Takeshi"), without middle initials, and its surname. */
    private record NameForms(String written, String normal, String withoutInitials, String surname) {
    }

    private static NameForms nameForms(String text, Sentence s, List<int[]> words) {
        List<String> parts = new ArrayList<>();
        for (int[] w : words) {
            parts.add(text.substring(s.token(w[0]).begin(), s.token(w[1]).end()));
        }
        String written = String.join(" ", parts);
        String normal = written;
        String surname = parts.get(parts.size() - 1);
        if (parts.size() == 2) {
            // Family name in capitals, as Japanese official texts write it ("IWAYA Takeshi", "Takeshi IWAYA").
            String a = parts.get(0);
            String b = parts.get(1);
            if (capitalsName(a) && mixedCase(b)) {
                surname = titleCase(a);
                normal = b + " " + surname;
            } else if (mixedCase(a) && capitalsName(b)) {
                surname = titleCase(b);
                normal = a + " " + surname;
            }
        }
        return new NameForms(written, normal, withoutInitials(normal), surname);
    }

    /** "Alan F. Estevez" -> "Alan Estevez": initials between the first and last word dropped. */
    static String withoutInitials(String name) {
        String[] parts = name.trim().split("\\s+");
        if (parts.length < 3) {
            return name.trim();
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (i == 0 || i == parts.length - 1 || !parts[i].matches("\\p{Lu}\\.?")) {
                kept.add(parts[i]);
            }
        }
        return String.join(" ", kept);
    }

    private static boolean capitalsName(String word) {
        return word.length() >= 2 && word.chars().filter(Character::isLetter).count() >= 2 && word.indexOf('.') < 0
                && word.chars().noneMatch(Character::isLowerCase);
    }

    private static boolean mixedCase(String word) {
        return Character.isUpperCase(word.charAt(0)) && word.chars().anyMatch(Character::isLowerCase);
    }

    private static String titleCase(String word) {
        StringBuilder b = new StringBuilder(word.length());
        boolean start = true;
        for (char c : word.toCharArray()) {
            b.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = !Character.isLetter(c) && c != '\'';
        }
        return b.toString();
    }

    private static boolean allCapitals(String name) {
        return name.chars().anyMatch(Character::isLetter) && name.chars().noneMatch(Character::isLowerCase);
    }

    /** The run begins a line (after nothing but capitals, such as "MS.") and a colon follows it: a speaker label. */
    private static boolean labelAtLineStart(String text, Sentence s, int first, int last) {
        if (last + 1 >= s.tokens().size() || !s.token(last + 1).text().equals(":")) {
            return false;
        }
        int begin = s.token(first).begin();
        int lineStart = text.lastIndexOf('\n', begin - 1) + 1;
        String before = text.substring(lineStart, begin);
        return before.chars().noneMatch(Character::isLowerCase) && before.chars().noneMatch(Character::isDigit)
                && before.length() < 40;
    }

    private boolean isGreeting(Token t) {
        return kb.names.greetings().contains(t.text().toLowerCase(Locale.ROOT)) || t.pos().equals("UH");
    }

    /**
     * A word (one or more hyphen-joined tokens) that is a title: an honorific or post word, a word of a post the
     * gazetteer knows, or one of those misspelt by a letter ("Minster"). With {@code loosely}, also a capitalised
     * common noun or an acronym the engine did not call a person, which count only where a known surname follows.
     */
    private boolean isTitle(String text, Sentence s, int[] word, boolean[] postWord, boolean loosely) {
        boolean all = true;
        for (int i = word[0]; i <= word[1]; i++) {
            Token t = s.token(i);
            if (isHyphen(t)) {
                continue;
            }
            all &= postWord[i] || titleWord(t.text());
        }
        if (all) {
            return true;
        }
        if (!loosely || word[0] != word[1]) {
            return false;
        }
        Token t = s.token(word[0]);
        if (!Character.isUpperCase(t.text().charAt(0))) {
            return false;
        }
        boolean commonNoun = t.pos().equals("NN") || t.pos().equals("NNS");
        boolean acronym = t.text().length() >= 2 && t.text().length() <= 5 && t.text().chars().allMatch(Character::isUpperCase)
                && !"PERSON".equals(t.entityTag());
        return commonNoun || acronym;
    }

    /**
     * An honorific or word of a post written before a name ({@code names.json}). Names of ministries and fields
     * ("Trade", "Commerce") are left to the posts gazetteer, which knows the posts they form.
     */
    private boolean titleWord(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.endsWith(".")) {
            w = w.substring(0, w.length() - 1);
        }
        if (kb.names.titleWords().contains(w)) {
            return true;
        }
        if (w.contains("-")) {
            return java.util.Arrays.stream(w.split("-")).allMatch(p -> !p.isEmpty() && kb.names.titleWords().contains(p));
        }
        if (w.length() >= 6) {
            for (String t : kb.names.titleWords()) {
                if (t.length() >= 6 && Math.abs(t.length() - w.length()) <= 1 && oneEditApart(t, w)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Equal but for one letter added, dropped or changed. */
    private static boolean oneEditApart(String a, String b) {
        if (a.length() < b.length()) {
            return oneEditApart(b, a);
        }
        int i = 0;
        while (i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == b.length()) {
            return a.length() - b.length() == 1;
        }
        String restA = a.substring(i + 1);
        return a.length() == b.length() ? restA.equals(b.substring(i + 1)) : restA.equals(b.substring(i));
    }

    /** Tokens of the sentence inside a post the gazetteer knows ("Trade Representative", "Vice Premier"). */
    private boolean[] postWords(String text, Sentence s) {
        boolean[] in = new boolean[s.tokens().size()];
        for (Gazetteer.Hit<KnowledgeBase.Post> hit : posts.find(text, s.begin(), s.end())) {
            for (Token t : s.tokens()) {
                if (hit.span().start() <= t.begin() && t.end() <= hit.span().end()) {
                    in[t.index()] = true;
                }
            }
        }
        return in;
    }

    /** The words of a run: tokens, with hyphen-joined ones ("Kamlager", "-", "Dove") as one word. */
    private static List<int[]> words(Sentence s, int first, int last) {
        List<int[]> words = new ArrayList<>();
        int i = first;
        while (i <= last) {
            int j = i;
            while (j + 2 <= last && joinedByHyphen(s, j)) {
                j += 2;
            }
            words.add(new int[]{i, j});
            i = j + 1;
        }
        return words;
    }

    private static boolean isHyphen(Token t) {
        return t.text().equals("-") || t.text().equals("\u2010");
    }

    /** Token i, a hyphen and token i+2 written without spaces ("Jean-Pierre"), both parts capitalised words. */
    private static boolean joinedByHyphen(Sentence s, int i) {
        if (i + 2 >= s.tokens().size()) {
            return false;
        }
        Token a = s.token(i);
        Token h = s.token(i + 1);
        Token b = s.token(i + 2);
        return isHyphen(h) && a.end() == h.begin() && h.end() == b.begin()
                && Character.isLetter(a.text().charAt(a.text().length() - 1)) && Character.isUpperCase(b.text().charAt(0));
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
        List<Gazetteer.Hit<KnowledgeBase.Post>> hits = new ArrayList<>(posts.find(text, window.start(), window.end()));
        // A one-word post ("President") that goes on "of" or "at" something is another body's post.
        hits.removeIf(h -> h.text().trim().indexOf(' ') < 0 && continuesWithOf(text, h.span().end()));
        // Nor is one inside a hyphenated post ("Vice-President").
        hits.removeIf(h -> h.span().start() > 0 && "-\u2010\u2011".indexOf(text.charAt(h.span().start() - 1)) >= 0);
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(hits.get(hits.size() - 1).entries().get(0));
    }

    private static boolean continuesWithOf(String text, int end) {
        String rest = text.substring(end, Math.min(text.length(), end + 5)).toLowerCase(Locale.ROOT);
        return rest.startsWith(" of ") || rest.startsWith(" at ") || rest.startsWith(" for ");
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

    /**
     * The engine's runs ({first, last, 1 for a person}), with a person's run mended where the engine cut a name
     * short: across hyphens ("JEAN - PIERRE"), over a given name before a middle initial or a double-barrelled
     * surname, over a capitalised pronoun that is a surname before a given name ("He Lifeng"), and over title words
     * the engine put into a neighbouring run. Other runs lose the tokens a person's run took.
     */
    private List<int[]> runs(String text, Sentence s, boolean[] postWord, ArticleEntities out) {
        List<int[]> raw = entityRuns(s);
        int n = s.tokens().size();
        boolean[] taken = new boolean[n];
        List<int[]> people = new ArrayList<>();
        for (int[] r : raw) {
            if (!s.token(r[0]).entityTag().equals("PERSON") || (people.size() > 0 && people.get(people.size() - 1)[1] >= r[0])) {
                continue;
            }
            int i = r[0];
            int j = r[1];
            while (i >= 2 && joinedByHyphen(s, i - 2) && free(s, i - 2, out)) {
                i -= 2;
            }
            while (true) {
                if (joinedByHyphen(s, j) && free(s, j + 2, out)) {
                    j += 2;
                } else if (j + 1 < n && s.token(j + 1).entityTag().equals("PERSON") && j + 1 > r[1]) {
                    j++;
                } else {
                    break;
                }
            }
            if (i > 0 && capitalisedPronounBeforeName(s, i) && free(s, i - 1, out)) {
                i--;
            }
            boolean initialFirst = s.token(i).text().matches("\\p{Lu}\\.");
            boolean loneDoubleBarrelled = words(s, i, j).size() == 1 && j > i;
            if ((initialFirst || loneDoubleBarrelled) && i > 0 && free(s, i - 1, out)) {
                Token before = s.token(i - 1);
                if (before.isProperNoun() && before.text().chars().allMatch(Character::isLetter)
                        && Character.isUpperCase(before.text().charAt(0))
                        && !isTitle(text, s, new int[]{i - 1, i - 1}, postWord, false)
                        && (before.entityTag().equals("O") || before.entityTag().equals("ORGANIZATION")
                        || before.entityTag().equals("MISC") || before.entityTag().equals("LOCATION"))) {
                    i--;
                }
            }
            while (i > 0 && s.token(i - 1).hasEntityTag() && !s.token(i - 1).entityTag().equals("PERSON")
                    && free(s, i - 1, out) && isTitle(text, s, new int[]{i - 1, i - 1}, postWord, false)) {
                i--;
            }
            people.add(new int[]{i, j, 1});
            for (int k = i; k <= j; k++) {
                taken[k] = true;
            }
        }
        List<int[]> all = new ArrayList<>(people);
        for (int[] r : raw) {
            if (s.token(r[0]).entityTag().equals("PERSON")) {
                continue;
            }
            int k = r[0];
            while (k <= r[1]) {
                while (k <= r[1] && taken[k]) {
                    k++;
                }
                int start = k;
                while (k <= r[1] && !taken[k]) {
                    k++;
                }
                if (start < k) {
                    all.add(new int[]{start, k - 1, 0});
                }
            }
        }
        all.sort(java.util.Comparator.comparingInt(r -> r[0]));
        return all;
    }

    private static boolean free(Sentence s, int i, ArticleEntities out) {
        return !out.isCovered(new Span(s.token(i).begin(), s.token(i).end()));
    }

    /** "He" of "He Lifeng": a capitalised personal pronoun right before a capitalised name the engine calls a person. */
    private static boolean capitalisedPronounBeforeName(Sentence s, int nameStart) {
        Token p = s.token(nameStart - 1);
        Token name = s.token(nameStart);
        return p.pos().equals("PRP") && p.text().length() >= 2 && Character.isUpperCase(p.text().charAt(0))
                && p.text().chars().skip(1).allMatch(Character::isLowerCase) && !p.entityTag().equals("PERSON")
                && mixedCase(name.text()) && name.isProperNoun() && p.end() < name.begin();
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

    /** The surnames a person goes by, lower-cased: from the knowledge files, else the last word of the name. */
    private java.util.Set<String> surnamesOf(ArticleEntities.Builder person) {
        return java.util.Set.of(surnameOf(person).toLowerCase(Locale.ROOT));
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
