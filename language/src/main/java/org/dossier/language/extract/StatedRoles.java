package org.dossier.language.extract;

import org.dossier.language.knowledge.KnowledgeBase;
import org.dossier.language.nlp.Sentence;
import org.dossier.language.nlp.Token;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The post a text gives a person the knowledge files do not know, as the text words it: in apposition after the
 * name ("Dana Ruiz, ranking member of the Trade Subcommittee,") or as a capitalised title right before it ("Foreign
 * Ministry Spokesperson Lin Wei"). A phrase counts only when a word of a post ({@code names.json} titleWords, not a
 * mere honorific such as "Mr.") heads it or stands before the name.
 */
final class StatedRoles {

    private static final int MAX_APPOSITION = 16;
    private static final int MAX_TITLE_BEFORE = 12;
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "its", "his", "her", "their");
    /** Words that join the capitalised words of a title ("Minister for Foreign Trade and Development"). */
    private static final Set<String> TITLE_JOINERS = Set.of("of", "for", "and", "on", "the", "&", "-", "'s");
    private static final Set<String> APPOSITION_ENDS = Set.of(",", ";", ":", ".", "(", ")", "-LRB-", "-RRB-", "\"", "``", "''",
            "\u201c", "\u201d", "\u2014", "\u2013");

    /** A finite verb ends the apposition ("X, the minister, said"); participles belong to posts ("ranking member"). */
    private static final Set<String> FINITE_VERBS = Set.of("VBD", "VBZ", "VBP", "MD");

    private final Set<String> titleWords;
    private final Set<String> honorifics;

    StatedRoles(KnowledgeBase kb) {
        this.titleWords = kb.names.titleWords();
        this.honorifics = kb.names.honorifics();
    }

    /** The role stated beside the person named by tokens first..last of the sentence, if any. */
    Optional<String> beside(String text, Sentence s, int first, int last) {
        return after(text, s, last).or(() -> before(text, s, first));
    }

    private Optional<String> after(String text, Sentence s, int last) {
        int n = s.tokens().size();
        if (last + 2 >= n || !s.token(last + 1).text().equals(",")) {
            return Optional.empty();
        }
        int from = last + 2;
        while (from < n && DETERMINERS.contains(lower(s.token(from)))) {
            from++;
        }
        int to = from - 1;
        while (to + 1 < n && to + 1 - from < MAX_APPOSITION && !APPOSITION_ENDS.contains(s.token(to + 1).text())
                && !FINITE_VERBS.contains(s.token(to + 1).pos()) && !s.token(to + 1).pos().startsWith("W")
                && !"PERSON".equals(s.token(to + 1).entityTag())) {
            to++;
        }
        // "X, and Y ..." is a list, not an apposition; one that runs into another name is not a post of X's.
        boolean runsIntoName = to + 1 < n && "PERSON".equals(s.token(to + 1).entityTag());
        if (to < from || runsIntoName || s.token(from).pos().equals("CC")) {
            return Optional.empty();
        }
        // The head of the phrase is a post word within its first words ("former deputy trade minister").
        boolean headed = false;
        for (int i = from; i <= Math.min(to, from + 3) && !headed; i++) {
            headed = isPostWord(s.token(i));
            if (s.token(i).text().equalsIgnoreCase("of")) {
                break;
            }
        }
        return headed ? Optional.of(text.substring(s.token(from).begin(), s.token(to).end())) : Optional.empty();
    }

    private Optional<String> before(String text, Sentence s, int first) {
        int end = first - 1;
        while (end >= 0 && honorifics.contains(bare(s.token(end)))) {
            end--;
        }
        if (end < 0 || !isPostWord(s.token(end)) || !Character.isUpperCase(s.token(end).text().charAt(0))) {
            return Optional.empty();
        }
        int start = end;
        while (start - 1 >= 0 && end - (start - 1) < MAX_TITLE_BEFORE) {
            Token t = s.token(start - 1);
            boolean capitalised = Character.isUpperCase(t.text().charAt(0)) && !"PERSON".equals(t.entityTag());
            if (!capitalised && !TITLE_JOINERS.contains(lower(t))) {
                break;
            }
            start--;
        }
        while (start < end && TITLE_JOINERS.contains(lower(s.token(start)))) {
            start++;
        }
        if (start == 0 && s.tokens().size() > 1 && end - start >= 1 && s.token(start).isVerb()) {
            return Optional.empty();
        }
        return Optional.of(text.substring(s.token(start).begin(), s.token(end).end()));
    }

    private boolean isPostWord(Token t) {
        String w = bare(t);
        return titleWords.contains(w) && !honorifics.contains(w);
    }

    private static String bare(Token t) {
        String w = lower(t);
        return w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
    }

    private static String lower(Token t) {
        return t.text().toLowerCase(Locale.ROOT);
    }
}
