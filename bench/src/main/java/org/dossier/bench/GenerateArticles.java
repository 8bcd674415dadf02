package org.dossier.bench;

/**
 * Writes generated articles as ingest NDJSON to standard output, each opening with a named official's statements:
 * {@code java -cp ... org.dossier.bench.GenerateArticles <count> [seed]}.
 */
public final class GenerateArticles {

    private GenerateArticles() {
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(args[0]);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
        ArticleGenerator generator = new ArticleGenerator(seed);
        long base = Math.abs(seed % 1_000_000) * 1_000_000_000L;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(generator.ndjsonLineWithStatements(base + i)).append('\n');
        }
        System.out.print(out);
    }
}
