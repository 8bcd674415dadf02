package org.dossier.language.eval;

import org.dossier.language.extract.ArticleAnalyzer;
import org.dossier.language.model.Analysis;
import org.dossier.language.model.Span;
import org.dossier.language.model.Statement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the pipeline on a PolNeAR-style folder ({@code text/NAME.txt}, the name carrying the publication date:
 * {@code publisher_2016-09-12_slug}) and writes one brat standoff file per text, {@code NAME.ann}: a {@code Source}, {@code Cue} and
 * {@code Content} span per statement and an {@code E} line tying them, for {@code ../shared/tools/score-attributions}.
 */
public final class AttributionSpans {

    private AttributionSpans() {
    }

    public static int write(ArticleAnalyzer analyzer, Path split, Path out) throws IOException {
        Files.createDirectories(out);
        List<Path> texts;
        try (var files = Files.list(split.resolve("text"))) {
            texts = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path p : texts) {
            String name = p.getFileName().toString().replaceFirst("\\.txt$", "");
            String text = Files.readString(p);
            Analysis a = analyzer.analyze(text, null, dateInName(name));
            Files.writeString(out.resolve(name + ".ann"), ann(text, a.statements()));
        }
        return texts.size();
    }

    private static final String[] ROLES = {"Source", "Cue", "Content"};

    static String ann(String text, List<Statement> statements) {
        StringBuilder b = new StringBuilder();
        int t = 0;
        int e = 0;
        for (Statement s : statements) {
            List<String> roles = new ArrayList<>();
            Span[] spans = {s.speakerSpan(), s.cueSpan(), polnearContent(text, s.contentSpan())};
            for (int r = 0; r < ROLES.length; r++) {
                Span span = spans[r];
                if (span == null || span.end() <= span.start() || span.end() > text.length()) {
                    continue;
                }
                t++;
                String covered = text.substring(span.start(), span.end()).replace('\n', ' ').replace('\t', ' ');
                b.append('T').append(t).append('\t').append(ROLES[r]).append(' ').append(span.start()).append(' ')
                        .append(span.end()).append('\t').append(covered).append('\n');
                roles.add(ROLES[r] + ":T" + t);
            }
            if (!roles.isEmpty()) {
                b.append('E').append(++e).append('\t').append(String.join(" ", roles)).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * PolNeAR's content span of indirect speech opens with its complementiser ("that the talks failed"); ours is what
     * was said without it. The span is widened here, for that annotation scheme only. (Direct speech already spans
     * its quotation marks, as PolNeAR's does.)
     */
    static Span polnearContent(String text, Span content) {
        if (content == null || content.start() < 5) {
            return content;
        }
        String before = text.substring(content.start() - 5, content.start());
        return before.equalsIgnoreCase("that ") ? new Span(content.start() - 5, content.end()) : content;
    }

    private static LocalDate dateInName(String name) {
        var m = java.util.regex.Pattern.compile("(\\d{4}-\\d{2}-\\d{2})").matcher(name);
        return m.find() ? LocalDate.parse(m.group(1)) : null;
    }
}
