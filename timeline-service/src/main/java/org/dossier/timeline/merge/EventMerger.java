package org.dossier.timeline.merge;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides whether an event mention reports a happening already on the timeline, and what an event's dates are given
 * all its sources. Plain Java, so the rules are tested without a database.
 *
 * <p>A mention joins an event when the kind is the same, the dates overlap (a day's slack for day-precise dates: talks
 * run over several days and reports round), and they share a place, or, when either names no place, at least two
 * participants. Among several such events the one sharing most wins. An event's range is the union of its most
 * precise stated dates ("last week" in London, then "June 10" and "next Monday" narrow it to June 9–10); inferred
 * dates count only when no source states one. Sources keep their own dates, so contradictions stay visible.
 */
public final class EventMerger {

    public enum Granularity { DAY, WEEK, MONTH, QUARTER, YEAR }

    public record Dates(LocalDate start, LocalDate end, Granularity granularity, boolean inferred) {

        boolean overlaps(Dates other) {
            long slack = granularity == Granularity.DAY && other.granularity == Granularity.DAY ? 1 : 0;
            return !start.minusDays(slack).isAfter(other.end) && !other.start.isAfter(end.plusDays(slack));
        }
    }

    /** What is compared: a new mention, or an event already on the timeline. */
    public record Happening(String kind, Dates dates, Set<UUID> participants, Set<UUID> places) {
    }

    public record Match(UUID eventId, double confidence, String reason) {
    }

    private EventMerger() {
    }

    public static Optional<Match> bestMatch(Happening mention, java.util.Map<UUID, Happening> events) {
        Match best = null;
        int bestShared = -1;
        for (var e : events.entrySet()) {
            Happening event = e.getValue();
            if (!event.kind().equals(mention.kind()) || !datesFit(event.dates(), mention.dates())) {
                continue;
            }
            Set<UUID> sharedPlaces = intersection(event.places(), mention.places());
            Set<UUID> sharedParticipants = intersection(event.participants(), mention.participants());
            String reason;
            double confidence;
            if (!sharedPlaces.isEmpty()) {
                reason = "same kind, overlapping dates, same place";
                confidence = Math.min(1.0, 0.7 + 0.1 * sharedParticipants.size());
            } else if ((event.places().isEmpty() || mention.places().isEmpty()) && sharedParticipants.size() >= 2
                    && event.dates().overlaps(mention.dates())) {
                reason = "same kind, overlapping dates, " + sharedParticipants.size() + " shared participants";
                confidence = Math.min(0.9, 0.4 + 0.1 * sharedParticipants.size());
            } else {
                continue;
            }
            // Overlapping dates beat the loose fit of an inferred date; then places, participants, recency.
            int shared = (event.dates().overlaps(mention.dates()) ? 1000 : 0) + sharedPlaces.size() * 100
                    + sharedParticipants.size() * 10;
            if (shared > bestShared || (shared == bestShared && best != null
                    && event.dates().start().isAfter(events.get(best.eventId()).dates().start()))) {
                bestShared = shared;
                best = new Match(e.getKey(), confidence, reason);
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Dates fit when they overlap. An inferred date only says the happening was reported then, so it fits any event
     * of the previous three months, and a merge with it then needs a shared place (see bestMatch).
     */
    static boolean datesFit(Dates event, Dates mention) {
        if (mention.inferred() && !event.inferred()) {
            return !event.start().isAfter(mention.end()) && !event.end().isBefore(mention.start().minusDays(92));
        }
        return event.overlaps(mention);
    }

    /** The event's dates from its sources' dates. */
    public static Dates combine(Collection<Dates> sources) {
        List<Dates> stated = sources.stream().filter(d -> !d.inferred()).toList();
        List<Dates> basis = stated.isEmpty() ? List.copyOf(sources) : stated;
        Granularity finest = basis.stream().map(Dates::granularity).min(Enum::compareTo).orElseThrow();
        List<Dates> precise = basis.stream().filter(d -> d.granularity() == finest).toList();
        LocalDate start = precise.stream().map(Dates::start).min(LocalDate::compareTo).orElseThrow();
        LocalDate end = precise.stream().map(Dates::end).max(LocalDate::compareTo).orElseThrow();
        if (ChronoUnit.DAYS.between(start, end) > 31 && finest == Granularity.DAY) {
            // Day-precise sources a month apart disagree rather than describe one span: keep the earliest day.
            end = start;
        }
        return new Dates(start, end, finest, stated.isEmpty());
    }

    private static Set<UUID> intersection(Set<UUID> a, Set<UUID> b) {
        Set<UUID> out = new HashSet<>(a);
        out.retainAll(b);
        return out;
    }
}
