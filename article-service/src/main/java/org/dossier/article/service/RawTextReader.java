package org.dossier.article.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dossier.article.service.TextAnatomy.Kind;
import org.dossier.article.service.TextAnatomy.Section;

/**
 * Reads text as partners scrape it: a title line, the body, then "Original article: URL", a disclaimer, related
 * links with their times. Plain Java, no framework: the rules are driven by unit tests.
 */
public final class RawTextReader {

    private static final Pattern ORIGINAL = Pattern.compile("(?i)\\boriginal (?:article|link|source)\\s*:\\s*(https?://\\S+)");
    private static final Pattern DISCLAIMER = Pattern.compile("(?i)\\bdisclaimer\\s*:[^\\n]*");
    private static final Pattern RELATED = Pattern.compile("(?im)^related links\\b[^\\n]*(?:\\n(?:time\\s*:[^\\n]*|[ \\t]*))*");
    // "^" before the group, not inside it: inside, the group's loop was entered at every position of every text.
    private static final Pattern TIME_LINES = Pattern.compile("(?im)^(?:time\\s*:\\s*\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(?::\\d{2})?[ \\t]*(?:\\n|$))+");
    /** Phrases that anchor the text in time without giving a year: kept as a hint, never turned into a date. */
    private static final Pattern TIME_HINT = Pattern.compile(
            "(?i)\\b(?:as of [^.;\\n]{1,40}?(?:beijing|local|eastern|london|washington) time"
                    + "|today \\((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? \\d{1,2}\\)"
                    + "|(?:on|this) (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? \\d{1,2}(?:st|nd|rd|th)?)");
    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+(?:[.!?]+[\"”’']?|$)");
    private static final Set<String> ENGLISH = Set.of("the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with",
            "as", "by", "it", "was", "at", "from", "be", "this", "are", "has", "have", "will", "an", "its", "not", "which",
            "said", "but", "or", "their", "would", "also", "were", "been");
    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "to", "in", "on", "at", "for", "by", "with", "and",
            "or", "but", "is", "are", "was", "were", "be", "been", "that", "this", "these", "those", "it", "its", "as", "from",
            "has", "have", "had", "will", "would", "can", "could", "may", "might", "not", "no", "than", "then", "there",
            "their", "they", "he", "she", "his", "her", "we", "our", "you", "your", "i", "also", "which", "who", "whom",
            "what", "when", "where", "during", "after", "before", "about", "into", "over");

    /** Sentences whose content words overlap at least this much restate each other (Jaccard). */
    static final double RESTATED = 0.55;
    /** A single sentence counts as a repeat only when nearly identical. */
    static final double REPEATED_SENTENCE = 0.85;

    public TextAnatomy read(String text) {
        List<Section> sections = new ArrayList<>();
        String title = null;
        int firstBreak = text.indexOf('\n');
        if (firstBreak > 0 && looksLikeTitle(text.substring(0, firstBreak)) && !text.substring(firstBreak).isBlank()) {
            title = text.substring(0, firstBreak).strip();
            sections.add(new Section(Kind.TITLE, 0, firstBreak));
        }
        // Each pattern runs only on texts holding its leading words, in any case: most texts hold none of them, and
        // searching them all position by position was a third of what ingest spent outside the database.
        String lower = text.toLowerCase(Locale.ROOT);
        String originalUrl = null;
        Matcher original = ORIGINAL.matcher(text);
        if (lower.contains("original ") && original.find()) {
            originalUrl = original.group(1).replaceAll("[).,;\"”]+$", "");
            sections.add(new Section(Kind.ORIGINAL_LINK, original.start(), original.start(1) + originalUrl.length()));
        }
        if (lower.contains("disclaimer")) {
            addAll(sections, Kind.DISCLAIMER, DISCLAIMER.matcher(text));
        }
        if (lower.contains("related links")) {
            addAll(sections, Kind.RELATED_LINKS, RELATED.matcher(text));
        }
        if (lower.contains("time")) {
            addAll(sections, Kind.TIME_LIST, TIME_LINES.matcher(text));
        }
        Matcher hint = TIME_HINT.matcher(text);
        String publishedHint = hint.find() ? hint.group().strip() : null;
        int bodyEnd = sections.stream().filter(s -> !s.kind().analysed()).mapToInt(Section::start).min().orElse(text.length());
        sections.addAll(repeatedPassages(text, title == null ? 0 : firstBreak, bodyEnd));
        return new TextAnatomy(title, originalUrl, publishedHint, language(text), text.length(), List.copyOf(sections));
    }

    private static boolean looksLikeTitle(String line) {
        String l = line.strip();
        int words = l.split("\\s+").length;
        return l.length() <= 200 && words >= 2 && words <= 30 && !l.matches(".*[.!?:;,\"”]$");
    }

    private static void addAll(List<Section> sections, Kind kind, Matcher m) {
        while (m.find()) {
            int end = m.end();
            while (end > m.start() && Character.isWhitespace(m.group().charAt(end - m.start() - 1))) {
                end--;
            }
            if (end > m.start()) {
                sections.add(new Section(kind, m.start(), end));
            }
        }
    }

    /**
     * Passages that restate an earlier one: a run of two or more sentences each matching the sentence after the
     * previous one's match (the same passage reworded), or one sentence that is nearly identical to an earlier one.
     */
    static List<Section> repeatedPassages(String text, int from, int to) {
        List<int[]> sentences = new ArrayList<>();
        List<Set<String>> words = new ArrayList<>();
        Matcher m = SENTENCE.matcher(text).region(from, to);
        while (m.find()) {
            Set<String> content = contentWords(m.group());
            if (content.size() >= 6) {
                sentences.add(new int[] {m.start(), m.end()});
                words.add(content);
            }
        }
        int[] match = new int[sentences.size()];
        double[] score = new double[sentences.size()];
        for (int i = 0; i < sentences.size(); i++) {
            match[i] = -1;
            for (int j = 0; j < i; j++) {
                double s = jaccard(words.get(i), words.get(j));
                if (s > score[i]) {
                    score[i] = s;
                    match[i] = j;
                }
            }
        }
        List<Section> repeats = new ArrayList<>();
        int i = 0;
        while (i < sentences.size()) {
            int runEnd = i;
            while (score[runEnd] >= RESTATED && runEnd + 1 < sentences.size() && score[runEnd + 1] >= RESTATED
                    && match[runEnd + 1] == match[runEnd] + 1) {
                runEnd++;
            }
            boolean passage = runEnd > i;
            if (passage || score[i] >= REPEATED_SENTENCE) {
                repeats.add(new Section(Kind.REPEATED_PASSAGE, sentences.get(i)[0], sentences.get(runEnd)[1]));
                i = runEnd + 1;
            } else {
                i++;
            }
        }
        return repeats;
    }

    private static Set<String> contentWords(String sentence) {
        Set<String> words = new HashSet<>();
        forEachWord(sentence.toLowerCase(Locale.ROOT), Integer.MAX_VALUE, word -> {
            if (!STOP.contains(word)) {
                words.add(word);
            }
        });
        return words;
    }

    /**
     * Passes each word of the text, a run of letters and digits (what the regex {@code [\p{L}\p{N}]+} finds), to the
     * action, at most {@code limit} of them; returns how many it passed. Hand-written: that regex was a tenth of
     * ingest's CPU.
     */
    static int forEachWord(String text, int limit, Consumer<String> action) {
        int count = 0;
        int i = 0;
        while (i < text.length() && count < limit) {
            int start = i;
            while (i < text.length()) {
                int cp = text.codePointAt(i);
                if (!isWordChar(cp)) {
                    break;
                }
                i += Character.charCount(cp);
            }
            if (i > start) {
                action.accept(text.substring(start, i));
                count++;
            } else {
                i += Character.charCount(text.codePointAt(i));
            }
        }
        return count;
    }

    /** A letter (\p{L}) or a number (\p{N}: decimal digits, letter numbers such as roman numerals, other numbers). */
    private static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        int common = 0;
        for (String w : a) {
            if (b.contains(w)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }

    /** English is what Dossier analyses today: text whose common function words make up a share typical of English. */
    static String language(String text) {
        int[] english = {0};
        int total = forEachWord(text.toLowerCase(Locale.ROOT), 2000, word -> {
            if (ENGLISH.contains(word)) {
                english[0]++;
            }
        });
        return total >= 5 && english[0] >= total * 0.12 ? "en" : "und";
    }
}
