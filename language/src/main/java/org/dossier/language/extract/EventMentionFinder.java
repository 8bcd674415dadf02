package org.dossier.language.extract;

import org.dossier.language.knowledge.KnowledgeBase;
import org.dossier.language.model.EntityKind;
import org.dossier.language.model.EventKind;
import org.dossier.language.model.EventMention;
import org.dossier.language.model.Mention;
import org.dossier.language.model.Span;
import org.dossier.language.model.TimeExpression;
import org.dossier.language.nlp.ParsedText;
import org.dossier.language.nlp.Sentence;
import org.dossier.language.nlp.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds event mentions for the timeline: a trigger word from {@code event-triggers.json} with a date in its
 * sentence. The date nearest the trigger is taken; participants, places and controls are the ones the sentence names.
 * A trigger without a date is not an event mention: the timeline cannot place it.
 */
final class EventMentionFinder {

    private final List<KnowledgeBase.EventTrigger> triggers;

    EventMentionFinder(KnowledgeBase kb) {
        this.triggers = kb.eventTriggers;
    }

    List<EventMention> find(ParsedText parsed, ArticleEntities entities, List<TimeExpression> times) {
        String text = parsed.text();
        List<EventMention> out = new ArrayList<>();
        for (Sentence s : parsed.sentences()) {
            Span sentence = new Span(s.begin(), s.end());
            List<TimeExpression> dates = times.stream().filter(t -> sentence.contains(t.span()) && t.range() != null).toList();
            if (dates.isEmpty()) {
                continue;
            }
            List<Mention> named = entities.within(sentence);
            for (Token t : s.tokens()) {
                Optional<KnowledgeBase.EventTrigger> trigger = triggerFor(s, t);
                if (trigger.isEmpty()) {
                    continue;
                }
                TimeExpression when = dates.stream()
                        .min(Comparator.comparingInt(d -> Math.abs(d.span().start() - t.begin()))).orElseThrow();
                EventKind kind = EventKind.valueOf(trigger.get().kind());
                List<String> participants = named.stream()
                        .filter(m -> m.kind() == EntityKind.PERSON || m.kind() == EntityKind.COUNTRY || m.kind() == EntityKind.ORGANIZATION)
                        .map(Mention::entityKey).distinct().toList();
                List<String> places = named.stream().filter(m -> m.kind() == EntityKind.PLACE).map(Mention::entityKey).distinct().toList();
                List<String> controls = named.stream().filter(m -> m.kind() == EntityKind.CONTROL).map(Mention::entityKey).distinct().toList();
                String label = label(kind, t, places, entities);
                Span span = new Span(Math.min(t.begin(), when.span().start()), Math.max(t.end(), when.span().end()));
                out.add(new EventMention(kind, t.text(), label, when.range(), participants, places, controls,
                        text.substring(s.begin(), s.end()), span));
                break; // one event mention per sentence: its main happening
            }
        }
        return out;
    }

    private Optional<KnowledgeBase.EventTrigger> triggerFor(Sentence s, Token t) {
        String lemma = t.lemma().toLowerCase(Locale.ROOT);
        for (KnowledgeBase.EventTrigger tr : triggers) {
            if (!tr.lemma().equals(lemma) || !t.pos().startsWith(tr.pos())) {
                continue;
            }
            if (tr.requires() != null && !tr.requires().isEmpty()) {
                boolean found = s.tokens().stream().anyMatch(o -> Math.abs(o.index() - t.index()) <= 2
                        && tr.requires().contains(o.text().toLowerCase(Locale.ROOT)));
                if (!found) {
                    continue;
                }
            }
            return Optional.of(tr);
        }
        return Optional.empty();
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
            case LICENCE_DECISION -> "Licence decision (" + trigger.text() + ")";
            case REPORT -> "Report";
            case OTHER -> trigger.text();
        };
        return what + where;
    }
}
