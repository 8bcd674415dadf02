package org.dossier.language.extract;

import org.dossier.language.knowledge.KnowledgeBase;
import org.dossier.language.model.DateRange;
import org.dossier.language.model.EntityKind;
import org.dossier.language.model.EventKind;
import org.dossier.language.model.EventMention;
import org.dossier.language.model.Granularity;
import org.dossier.language.model.Mention;
import org.dossier.language.model.Span;
import org.dossier.language.model.TimeExpression;
import org.dossier.language.nlp.ParsedText;
import org.dossier.language.nlp.Sentence;
import org.dossier.language.nlp.Token;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds event mentions for the timeline: a trigger word from {@code event-triggers.json}, at most one per kind and
 * sentence. Its date is the time expression closest to it in the dependency parse (at most three links away), so
 * "talks ... deadline of August 10th" gives the deadline its date and not the talks. An undated mention takes the date
 * of a dated mention of the same kind and place in the same article ("last week's negotiations in London" ... "the
 * London negotiations"); failing that, a happening told in the future ("will meet") is placed from the publication
 * day to the end of that month, and one told in the past on the publication day or the day before.
 */
final class EventMentionFinder {

    private static final int MAX_DATE_DISTANCE = 3;
    private static final Set<String> FUTURE_MARKERS = Set.of("will", "'ll", "shall", "next", "upcoming", "planned");

    private final List<KnowledgeBase.EventTrigger> triggers;

    EventMentionFinder(KnowledgeBase kb) {
        this.triggers = kb.eventTriggers;
    }

    private record Found(EventKind kind, Token trigger, Sentence sentence, TimeExpression date, boolean future,
                         List<String> participants, List<String> places, List<String> controls) {
    }

    List<EventMention> find(ParsedText parsed, ArticleEntities entities, List<TimeExpression> times, LocalDate published) {
        String text = parsed.text();
        List<Found> found = new ArrayList<>();
        for (Sentence s : parsed.sentences()) {
            Span sentence = new Span(s.begin(), s.end());
            List<TimeExpression> dates = times.stream().filter(t -> sentence.contains(t.span()) && t.range() != null).toList();
            List<Mention> named = entities.within(sentence);
            Set<EventKind> seen = EnumSet.noneOf(EventKind.class);
            for (Token t : s.tokens()) {
                Optional<KnowledgeBase.EventTrigger> trigger = triggerFor(s, t);
                if (trigger.isEmpty()) {
                    continue;
                }
                EventKind kind = EventKind.valueOf(trigger.get().kind());
                if (!factual(s, t) || !seen.add(kind)) {
                    continue;
                }
                TimeExpression date = closestInParse(s, t, dates);
                if (date == null && !placeableWithoutDate(s, t, named)) {
                    continue;
                }
                // A report's participant is its outlet; the places in its sentence are those of what it reports.
                boolean report = kind == EventKind.REPORT;
                found.add(new Found(kind, t, s, date, isFuture(s, t),
                        report ? keys(named, EntityKind.ORGANIZATION) : keys(named, EntityKind.PERSON, EntityKind.COUNTRY, EntityKind.ORGANIZATION),
                        report ? List.of() : keys(named, EntityKind.PLACE), keys(named, EntityKind.CONTROL)));
            }
        }
        List<EventMention> out = new ArrayList<>();
        for (Found f : found) {
            extendedDeadline(f, text).ifPresent(out::add);
            DateRange when = f.date() != null ? f.date().range() : inferred(f, found, times, published);
            if (when == null) {
                continue;
            }
            Span span = phrase(f.sentence(), f.trigger());
            out.add(new EventMention(f.kind(), f.trigger().text(), label(f.kind(), f.trigger(), f.places(), entities), when,
                    f.date() == null, f.participants(), f.places(), f.controls(),
                    text.substring(span.start(), span.end()), span));
        }
        return out;
    }

    /** How far back a date still sets the scene for an undated happening told after it. */
    private static final int REFERENCE_TIME_REACH = 2_000;

    private static DateRange inferred(Found f, List<Found> all, List<TimeExpression> times, LocalDate published) {
        Optional<Found> sameHappening = all.stream()
                .filter(o -> o != f && o.date() != null && o.kind() == f.kind() && !f.places().isEmpty()
                        && o.places().stream().anyMatch(f.places()::contains))
                .findFirst();
        if (sameHappening.isPresent()) {
            return sameHappening.get().date().range();
        }
        if (published == null) {
            return null;
        }
        // The narrative's reference time: the last day or days named before it, on the side of publication the
        // happening is told on ("visited China on 10 to 11 September ... He also held a meeting").
        int at = f.trigger().begin();
        Optional<TimeExpression> reference = times.stream()
                .filter(t -> t.range() != null && t.span().end() <= at && at - t.span().end() <= REFERENCE_TIME_REACH)
                .filter(t -> t.range().granularity() == Granularity.DAY
                        && java.time.temporal.ChronoUnit.DAYS.between(t.range().start(), t.range().end()) <= 7)
                .filter(t -> f.future() ? !t.range().start().isBefore(published) : !t.range().end().isAfter(published))
                .reduce((a, b) -> b);
        if (reference.isPresent()) {
            return reference.get().range();
        }
        if (f.future()) {
            return new DateRange(published, published.with(TemporalAdjusters.lastDayOfMonth()), Granularity.MONTH);
        }
        return new DateRange(published.minusDays(1), published, Granularity.DAY);
    }

    private static final Set<String> HYPOTHETICAL = Set.of("if", "would", "could", "may", "might", "should", "can",
            "unless", "whether", "not", "n't", "never");

    /**
     * An undated trigger is placed only when it tells of a particular happening: a verb in the past tense or with
     * "will", or a noun with a person or place named beside it; and nothing in the sentence makes it hypothetical,
     * negated or generic ("if the U.S. does not ease", "should not relax").
     */
    private static boolean placeableWithoutDate(Sentence s, Token trigger, List<Mention> named) {
        // Modals, negation and "if" that govern the trigger's own clause (or the clause it is an argument of).
        List<Integer> around = new ArrayList<>(s.children(trigger.index()));
        int head = s.head(trigger.index());
        if (head >= 0 && !trigger.isVerb()) {
            around.addAll(s.children(head));
        }
        for (int i : around) {
            if (HYPOTHETICAL.contains(s.token(i).text().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        if (trigger.isVerb()) {
            return ArticleAnalyzer.tenseOf(s, trigger.index()) != TimeNormalizer.Tense.UNKNOWN
                    && (trigger.pos().equals("VBD") || trigger.pos().equals("VBN") || isFuture(s, trigger)
                    // a participle ("by removing"), not an ongoing "is reviewing"
                    || (trigger.pos().equals("VBG") && s.children(trigger.index()).stream().noneMatch(c -> s.relationOf(c).startsWith("aux"))));
        }
        return named.stream().anyMatch(m -> m.kind() == EntityKind.PERSON || m.kind() == EntityKind.PLACE);
    }

    private static final Set<String> NEGATIVES = Set.of("not", "n't", "never", "no", "nothing", "none", "neither", "nor",
            "without");
    private static final Set<String> CONDITIONALS = Set.of("if", "unless", "whether", "would", "could", "might");
    private static final Set<String> MERELY_POSSIBLE = Set.of("possible", "potential", "possibly", "hypothetical",
            "eventual", "rumoured", "rumored");

    /**
     * Whether the text tells the happening as one that took place or is set to: not negated ("did not agree",
     * "Nothing has been agreed", "no sign that it has approved"), not conditional or merely possible ("if they
     * agree", "could impose", "a possible extension"), not a modifier of another noun. Read on the trigger's own dependents and on those of the two words above it, which
     * is where a negation of a reported or embedded happening stands.
     */
    private static boolean factual(Sentence s, Token trigger) {
        int node = trigger.index();
        if (trigger.isNoun() && s.relationOf(node).equals("compound") && s.head(node) >= 0 && s.token(s.head(node)).isNoun()) {
            return false; // a modifier naming another thing ("the tariff suspension deadline"), not a happening
        }
        for (int level = 0; level < 3 && node >= 0; level++) {
            for (int c : s.children(node)) {
                String word = s.token(c).text().toLowerCase(Locale.ROOT);
                String rel = s.relationOf(c);
                boolean own = level == 0;
                if (NEGATIVES.contains(word) && (own || rel.equals("det") || rel.startsWith("advmod") || rel.equals("neg"))) {
                    return false;
                }
                if (own && CONDITIONALS.contains(word) && (rel.startsWith("aux") || rel.equals("mark"))) {
                    return false;
                }
                if (own && MERELY_POSSIBLE.contains(word) && (rel.equals("amod") || rel.startsWith("advmod"))) {
                    return false;
                }
            }
            if (level > 0 && !s.token(node).isVerb() && !s.token(node).isNoun()) {
                break;
            }
            node = s.head(node);
        }
        return true;
    }

    /** The time expression fewest dependency links away from the trigger, if within reach. */
    private static TimeExpression closestInParse(Sentence s, Token trigger, List<TimeExpression> dates) {
        if (dates.isEmpty()) {
            return null;
        }
        int[] distance = distances(s, trigger.index());
        TimeExpression best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (TimeExpression d : dates) {
            for (Token t : s.tokens()) {
                if (d.span().start() <= t.begin() && t.end() <= d.span().end() && distance[t.index()] < bestDistance) {
                    bestDistance = distance[t.index()];
                    best = d;
                }
            }
        }
        return bestDistance <= MAX_DATE_DISTANCE ? best : null;
    }

    private static int[] distances(Sentence s, int from) {
        int[] dist = new int[s.tokens().size()];
        java.util.Arrays.fill(dist, Integer.MAX_VALUE);
        dist[from] = 0;
        Deque<Integer> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (var d : s.dependencies()) {
                // Down any link; up only within the clause (not from a relative clause to the noun it describes).
                int next = d.governor() == node ? d.dependent()
                        : d.dependent() == node && !UPWARD_BARRIERS.contains(d.relation()) ? d.governor() : -1;
                if (next >= 0 && dist[next] == Integer.MAX_VALUE) {
                    dist[next] = dist[node] + 1;
                    queue.add(next);
                }
            }
        }
        return dist;
    }

    private static final java.util.regex.Pattern DURATION = java.util.regex.Pattern.compile("^P(\\d+)([DWMY])$");

    /**
     * "the deadline of August 10th ... extended by another 90 days": a dated deadline, an extension and a duration in
     * one sentence give the new deadline, computed.
     */
    private static Optional<EventMention> extendedDeadline(Found f, String text) {
        if (f.kind() != EventKind.DEADLINE || f.date() == null || f.date().range().granularity() != Granularity.DAY) {
            return Optional.empty();
        }
        Sentence s = f.sentence();
        boolean extension = s.tokens().stream().anyMatch(t -> t.lemma().equalsIgnoreCase("extend")
                || t.lemma().equalsIgnoreCase("extension") || t.lemma().equalsIgnoreCase("postpone"));
        if (!extension) {
            return Optional.empty();
        }
        for (Token t : s.tokens()) {
            java.util.regex.Matcher m = "DURATION".equals(t.entityTag()) && t.timeValue() != null ? DURATION.matcher(t.timeValue()) : null;
            if (m == null || !m.matches()) {
                continue;
            }
            int n = Integer.parseInt(m.group(1));
            LocalDate from = f.date().range().end();
            LocalDate until = switch (m.group(2)) {
                case "D" -> from.plusDays(n);
                case "W" -> from.plusWeeks(n);
                case "M" -> from.plusMonths(n);
                default -> from.plusYears(n);
            };
            // The passage is the duration itself ("another 90 days"): what states the new deadline.
            int first = t.index();
            int last = t.index();
            while (first > 0 && "DURATION".equals(s.token(first - 1).entityTag())) {
                first--;
            }
            while (last + 1 < s.tokens().size() && "DURATION".equals(s.token(last + 1).entityTag())) {
                last++;
            }
            Span span = new Span(s.token(first).begin(), s.token(last).end());
            return Optional.of(new EventMention(EventKind.DEADLINE, f.trigger().text(),
                    "Deadline extended by " + n + " " + switch (m.group(2)) { case "D" -> "days"; case "W" -> "weeks";
                        case "M" -> "months"; default -> "years"; }, DateRange.day(until), false, f.participants(),
                    f.places(), f.controls(), text.substring(span.start(), span.end()), span));
        }
        return Optional.empty();
    }

    /** Relations that open another clause: a date or a phrase does not reach across them. */
    private static final Set<String> CLAUSE_LINKS = Set.of("acl", "acl:relcl", "advcl", "ccomp", "parataxis", "conj",
            "xcomp", "csubj", "dep");

    /**
     * Links a date may not be reached across, going up: from a relative or adverbial clause to what it modifies.
     * (Up from a reported clause is allowed: "revealed last month that it was reviewing" dates the review.)
     */
    private static final Set<String> UPWARD_BARRIERS = Set.of("acl", "acl:relcl", "advcl", "parataxis", "conj", "csubj", "dep");

    /**
     * The trigger's own phrase: its dependency subtree without the clauses hanging off it. A noun that is the subject
     * of its clause, or part of a larger noun phrase ("round of talks"), takes that clause or phrase, where its date
     * and place usually are ("the negotiations continued in London on June 10").
     */
    private static Span phrase(Sentence s, Token trigger) {
        int root = trigger.index();
        for (int hop = 0; hop < 3 && !s.token(root).isVerb(); hop++) {
            String relation = s.relationOf(root);
            int head = s.head(root);
            if (head < 0 || !(relation.equals("nmod") || relation.startsWith("nsubj"))) {
                break;
            }
            root = head;
            if (relation.startsWith("nsubj")) {
                break; // the clause of which the happening is the subject
            }
        }
        Set<String> within = new java.util.HashSet<>(CLAUSE_LINKS);
        within.remove("conj"); // "between the U.S. and China" stays one phrase
        Set<Integer> tokens = new java.util.HashSet<>(s.subtree(root, within));
        // The unbroken stretch from the trigger to its clause's head: a clause left out in the middle ends it.
        int first = Math.min(root, trigger.index());
        int last = Math.max(root, trigger.index());
        while (first > 0 && tokens.contains(first - 1)) {
            first--;
        }
        while (last + 1 < s.tokens().size() && tokens.contains(last + 1)) {
            last++;
        }
        while (last > first && s.token(last).isPunctuation()) {
            last--;
        }
        while (first < last && s.token(first).isPunctuation()) {
            first++;
        }
        return new Span(s.token(first).begin(), s.token(last).end());
    }

    private static boolean isFuture(Sentence s, Token trigger) {
        int from = Math.max(0, trigger.index() - 6);
        int to = Math.min(s.tokens().size() - 1, trigger.index() + 3);
        for (int i = from; i <= to; i++) {
            if (FUTURE_MARKERS.contains(s.token(i).text().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private Optional<KnowledgeBase.EventTrigger> triggerFor(Sentence s, Token t) {
        String lemma = t.lemma().toLowerCase(Locale.ROOT);
        for (KnowledgeBase.EventTrigger tr : triggers) {
            if (!tr.lemma().equals(lemma) || !t.pos().startsWith(tr.pos())) {
                continue;
            }
            if (tr.requires() != null && !tr.requires().isEmpty()) {
                int head = s.head(t.index());
                List<Integer> children = s.children(t.index());
                boolean found = s.tokens().stream().anyMatch(o -> (Math.abs(o.index() - t.index()) <= 2
                        || o.index() == head || children.contains(o.index())) && required(tr, o));
                if (!found) {
                    continue;
                }
            }
            return Optional.of(tr);
        }
        return Optional.empty();
    }

    /** A word the trigger requires beside it, by its form or lemma; {@code @DATE} stands for any word of a date. */
    private static boolean required(KnowledgeBase.EventTrigger tr, Token o) {
        return tr.requires().contains(o.text().toLowerCase(Locale.ROOT)) || tr.requires().contains(o.lemma().toLowerCase(Locale.ROOT))
                || ("DATE".equals(o.entityTag()) && tr.requires().contains("@DATE"));
    }

    private static List<String> keys(List<Mention> named, EntityKind... kinds) {
        Set<EntityKind> wanted = EnumSet.copyOf(List.of(kinds));
        return named.stream().filter(m -> wanted.contains(m.kind())).sorted(Comparator.comparingInt(m -> m.span().start()))
                .map(Mention::entityKey).distinct().toList();
    }

    private static String label(EventKind kind, Token trigger, List<String> places, ArticleEntities entities) {
        String where = places.isEmpty() ? "" : " in " + entities.get(places.get(0)).map(b -> b.name).orElse("");
        String what = switch (kind) {
            case TALKS -> "Talks";
            case CALL -> "Call";
            case MEETING -> "Meeting";
            case AGREEMENT -> "Agreement";
            case DEADLINE -> "Deadline";
            case ANNOUNCEMENT -> "Announcement";
            case CONTROL_IMPOSED -> "Control imposed (" + trigger.text() + ")";
            case CONTROL_EASED -> "Control eased (" + trigger.text() + ")";
            case SUSPENSION -> "Suspension (" + trigger.text() + ")";
            case EXTENSION -> "Extension (" + trigger.text() + ")";
            case ORDER_SIGNED -> "Order (" + trigger.text() + ")";
            case INVESTIGATION -> "Investigation";
            case LAWSUIT -> "Legal complaint (" + trigger.text() + ")";
            case VISIT -> "Visit";
            case HEARING -> "Hearing";
            case LICENCE_DECISION -> "Licence decision (" + trigger.text() + ")";
            case REPORT -> "Report";
            case OTHER -> trigger.text();
        };
        return what + where;
    }
}
