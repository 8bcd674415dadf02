package org.dossier.language.knowledge;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The domain knowledge the extraction rules use, read from the JSON files documented in
 * {@code knowledge/README.md}: countries, places, organisations, posts, officials, commodities, the controls taxonomy,
 * reporting cues and event triggers. Loaded from the classpath, or from a directory that overrides it file by file.
 */
public final class KnowledgeBase {

    public record Country(String id, String name, String wikidataId, List<String> aliases, List<String> adjectives,
                          List<String> capitals) {
    }

    public record Place(String id, String name, String country, String wikidataId, List<String> aliases) {
    }

    public record Organization(String id, String name, String kind, String country, String wikidataId,
                               List<String> aliases) {
    }

    public record Post(String id, String title, String organization, String country, List<String> aliases) {
    }

    public record Tenure(String post, LocalDate from, LocalDate to) {

        public boolean heldOn(LocalDate date) {
            return (from == null || !date.isBefore(from)) && (to == null || date.isBefore(to));
        }
    }

    public record Official(String id, String name, String familyName, String country, String wikidataId,
                           List<String> aliases, List<Tenure> posts) {

        /** The family name as the press uses it alone: given in the file where it is not the last word (Wang Wentao). */
        public String surname() {
            if (familyName != null) {
                return familyName;
            }
            String[] parts = name.split(" ");
            return parts[parts.length - 1];
        }
    }

    public record Commodity(String id, String name, List<String> aliases) {
    }

    public record Control(String id, String name, String measure, String imposedBy, List<String> targets,
                          List<String> items, List<String> aliases, List<String> patterns) {
    }

    public record PhrasalCue(String lemma, String particle, String object) {
    }

    public record Cues(Set<String> reportingVerbs, List<PhrasalCue> phrasalCues, Set<String> citingVerbs,
                       List<String> sourcePhrases, Map<String, String> impersonalCues, Set<String> authorVoiceSubjects,
                       Set<String> anonymousHeads, Set<String> groupHeads, Set<String> governmentHeads,
                       Set<String> ordinalContinuations, Set<String> reportingNouns, Set<String> titleNouns,
                       Set<String> labelHonorifics, Set<String> questionLabels, Set<String> answerLabels,
                       Set<String> collectiveDeterminers, List<String> attributionPhrases,
                       Set<String> quotingVerbs) {
    }

    /** Words around personal names: titles and honorifics written before a name, greetings that open a turn. */
    public record Names(Set<String> titleWords, Set<String> honorifics, Set<String> greetings) {
    }

    /** Head nouns of control phrases ("export controls on gallium"), and the words that refer back to a control. */
    public record ControlTerms(List<ControlHead> heads, Set<String> anaphoricHeads, Set<String> anaphoricDeterminers) {
    }

    /** A noun that heads a control phrase: its measure, and the modifiers it needs to be one ("export" controls). */
    public record ControlHead(String lemma, String measure, List<String> requires) {
    }

    public record EventTrigger(String lemma, String pos, String kind, List<String> requires) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public final List<Country> countries;
    public final List<Place> places;
    public final List<Organization> organizations;
    public final Map<String, Post> posts;
    public final List<Official> officials;
    public final List<Commodity> commodities;
    public final List<Control> controls;
    public final Cues cues;
    public final Names names;
    public final ControlTerms controlTerms;
    public final List<EventTrigger> eventTriggers;

    private KnowledgeBase(Source source) {
        this.countries = source.list("countries.json", new TypeReference<>() { });
        this.places = source.list("places.json", new TypeReference<>() { });
        this.organizations = source.list("organizations.json", new TypeReference<>() { });
        Map<String, Post> postMap = new LinkedHashMap<>();
        for (Post p : source.<Post>list("posts.json", new TypeReference<>() { })) {
            postMap.put(p.id(), p);
        }
        this.posts = Map.copyOf(postMap);
        this.officials = source.list("officials.json", new TypeReference<>() { });
        this.commodities = source.list("commodities.json", new TypeReference<>() { });
        this.controls = source.list("controls.json", new TypeReference<>() { });
        this.cues = source.read("cues.json", new TypeReference<>() { });
        this.names = source.read("names.json", new TypeReference<>() { });
        this.controlTerms = source.read("control-terms.json", new TypeReference<>() { });
        this.eventTriggers = source.list("event-triggers.json", new TypeReference<>() { });
        validate();
    }

    /** The files shipped in this module. */
    public static KnowledgeBase builtIn() {
        return new KnowledgeBase(new Source(null));
    }

    /** Files in {@code directory} replace the built-in ones of the same name; missing ones fall back to the built-in. */
    public static KnowledgeBase withOverrides(Path directory) {
        return new KnowledgeBase(new Source(directory));
    }

    /** Cross-references must hold, so that a typo in a data file fails at load time rather than silently. */
    private void validate() {
        Set<String> countryIds = new java.util.HashSet<>();
        countries.forEach(c -> countryIds.add(c.id()));
        Set<String> orgIds = new java.util.HashSet<>();
        organizations.forEach(o -> orgIds.add(o.id()));
        Set<String> commodityIds = new java.util.HashSet<>();
        commodities.forEach(c -> commodityIds.add(c.id()));
        List<String> problems = new ArrayList<>();
        for (Post p : posts.values()) {
            if (p.organization() != null && !orgIds.contains(p.organization())) {
                problems.add("post " + p.id() + ": unknown organization " + p.organization());
            }
            if (!countryIds.contains(p.country())) {
                problems.add("post " + p.id() + ": unknown country " + p.country());
            }
        }
        for (Official o : officials) {
            if (!countryIds.contains(o.country())) {
                problems.add("official " + o.id() + ": unknown country " + o.country());
            }
            for (Tenure t : o.posts()) {
                if (!posts.containsKey(t.post())) {
                    problems.add("official " + o.id() + ": unknown post " + t.post());
                }
            }
        }
        for (Control c : controls) {
            if (!countryIds.contains(c.imposedBy())) {
                problems.add("control " + c.id() + ": unknown imposedBy " + c.imposedBy());
            }
            c.targets().stream().filter(t -> !countryIds.contains(t)).forEach(t -> problems.add("control " + c.id() + ": unknown target " + t));
            c.items().stream().filter(i -> !commodityIds.contains(i)).forEach(i -> problems.add("control " + c.id() + ": unknown item " + i));
            for (String p : c.patterns()) {
                try {
                    java.util.regex.Pattern.compile(p);
                } catch (java.util.regex.PatternSyntaxException e) {
                    problems.add("control " + c.id() + ": bad pattern " + p + ": " + e.getDescription());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("knowledge files are inconsistent: " + String.join("; ", problems));
        }
    }

    private record Source(Path directory) {

        <T> List<T> list(String file, TypeReference<List<T>> type) {
            return List.copyOf(read(file, type));
        }

        <T> T read(String file, TypeReference<T> type) {
            try {
                if (directory != null && Files.isRegularFile(directory.resolve(file))) {
                    return JSON.readValue(directory.resolve(file).toFile(), type);
                }
                try (InputStream in = KnowledgeBase.class.getResourceAsStream("/knowledge/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("knowledge file missing from the classpath: " + file);
                    }
                    return JSON.readValue(in, type);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read knowledge file " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
