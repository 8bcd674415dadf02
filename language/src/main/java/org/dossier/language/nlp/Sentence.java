package org.dossier.language.nlp;

import java.util.ArrayList;
import java.util.List;

/** One sentence: its tokens and dependency parse, with navigation helpers the extraction rules use. */
public record Sentence(int index, int begin, int end, List<Token> tokens, List<Dependency> dependencies) {

    public Token token(int i) {
        return tokens.get(i);
    }

    /** The governor of a token, or -1 at the root. */
    public int head(int dependent) {
        for (Dependency d : dependencies) {
            if (d.dependent() == dependent) {
                return d.governor();
            }
        }
        return -1;
    }

    public String relationOf(int dependent) {
        for (Dependency d : dependencies) {
            if (d.dependent() == dependent) {
                return d.relation();
            }
        }
        return "root";
    }

    /** Children of a token whose relation equals {@code relation} or starts with it followed by ':'. */
    public List<Integer> children(int governor, String relation) {
        List<Integer> out = new ArrayList<>();
        for (Dependency d : dependencies) {
            if (d.governor() == governor && (d.relation().equals(relation) || d.relation().startsWith(relation + ":"))) {
                out.add(d.dependent());
            }
        }
        out.sort(Integer::compare);
        return out;
    }

    public List<Integer> children(int governor) {
        List<Integer> out = new ArrayList<>();
        for (Dependency d : dependencies) {
            if (d.governor() == governor) {
                out.add(d.dependent());
            }
        }
        out.sort(Integer::compare);
        return out;
    }

    /** Token indices of the subtree under {@code root}, skipping subtrees reached through the excluded relations. */
    public List<Integer> subtree(int root, java.util.Set<String> excludedRelations) {
        List<Integer> out = new ArrayList<>();
        collect(root, excludedRelations, out);
        out.sort(Integer::compare);
        return out;
    }

    private void collect(int node, java.util.Set<String> excluded, List<Integer> out) {
        out.add(node);
        for (Dependency d : dependencies) {
            if (d.governor() == node && d.dependent() != node) {
                String base = d.relation().contains(":") ? d.relation().substring(0, d.relation().indexOf(':')) : d.relation();
                if (!excluded.contains(d.relation()) && !excluded.contains(base)) {
                    collect(d.dependent(), excluded, out);
                }
            }
        }
    }

    /** The text between the first and last of the given tokens, taken from the original text. */
    public String textOf(String text, int firstToken, int lastToken) {
        return text.substring(tokens.get(firstToken).begin(), tokens.get(lastToken).end());
    }
}
