package org.dossier.language.nlp;

/**
 * One token. {@code index} is its position in the sentence (0-based); {@code begin}/{@code end} are character
 * offsets into the parsed text. {@code entityTag} is the named-entity class (PERSON, ORGANIZATION, LOCATION, MISC,
 * DATE, DURATION, ... or "O"); {@code timeValue} is the normalised TIMEX value of a time expression, else null.
 */
public record Token(int index, String text, int begin, int end, String pos, String lemma, String entityTag,
                    String timeValue) {

    public boolean isVerb() {
        return pos.startsWith("VB");
    }

    public boolean isNoun() {
        return pos.startsWith("NN");
    }

    public boolean isProperNoun() {
        return pos.startsWith("NNP");
    }

    public boolean isPunctuation() {
        return !text.isEmpty() && !Character.isLetterOrDigit(text.codePointAt(0));
    }

    public boolean hasEntityTag() {
        return entityTag != null && !"O".equals(entityTag);
    }
}
