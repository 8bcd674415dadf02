package org.dossier.article.service;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MinHash signatures of word 3-gram sets, and their locality-sensitive bands. Two texts whose 3-gram sets have Jaccard
 * similarity J agree on a signature position with probability J; with 32 bands of 4 rows, texts at J = 0.7 share a
 * band with probability 0.9996 and texts at J = 0.2 with probability 0.05, so a lookup touches a few buckets instead of
 * every article.
 */
public final class MinHasher {

    public static final int PERMUTATIONS = 128;
    public static final int BANDS = 32;
    public static final int ROWS = PERMUTATIONS / BANDS;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final long[] SEEDS = new long[PERMUTATIONS];

    static {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < PERMUTATIONS; i++) {
            x = mix(x + 0x9E3779B97F4A7C15L);
            SEEDS[i] = x;
        }
    }

    private MinHasher() {
    }

    /** The signature of a text; a text of fewer than three words is hashed on the words it has. */
    public static long[] signature(CharSequence text) {
        return isAsciiWords(text) ? asciiSignature(text) : generalSignature(text);
    }

    /**
     * Words are runs of letters and digits of the lower-cased text. This is the definition; {@link #asciiSignature}
     * computes the same for texts whose letters and digits are all ASCII, without the regex and the copies.
     */
    static long[] generalSignature(CharSequence text) {
        Shingles shingles = new Shingles();
        Matcher m = WORD.matcher(text.toString().toLowerCase(Locale.ROOT));
        while (m.find()) {
            shingles.word(fnv(m.group()));
        }
        return shingles.signature();
    }

    static long[] asciiSignature(CharSequence text) {
        Shingles shingles = new Shingles();
        long h = FNV_OFFSET;
        boolean inWord = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            boolean wordChar = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
            if (wordChar) {
                h = (h ^ (c <= 'Z' && c >= 'A' ? c + ('a' - 'A') : c)) * FNV_PRIME;
                inWord = true;
            } else if (inWord) {
                shingles.word(h);
                h = FNV_OFFSET;
                inWord = false;
            }
        }
        if (inWord) {
            shingles.word(h);
        }
        return shingles.signature();
    }

    /** True when every letter and digit of the text is ASCII (punctuation and spaces may be anything). */
    private static boolean isAsciiWords(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 128 && (Character.isLetterOrDigit(c) || Character.getType(c) == Character.LETTER_NUMBER
                    || Character.getType(c) == Character.OTHER_NUMBER || Character.isSurrogate(c))) {
                return false;
            }
        }
        return true;
    }

    /** Word 3-grams offered to the signature as the words come. */
    private static final class Shingles {
        private final long[] signature = new long[PERMUTATIONS];
        private long w1;
        private long w2;
        private int words;

        Shingles() {
            java.util.Arrays.fill(signature, Long.MAX_VALUE);
        }

        void word(long w) {
            words++;
            if (words >= 3) {
                offer(signature, w2 * 31 * 31 + w1 * 31 + w);
            }
            w2 = w1;
            w1 = w;
        }

        long[] signature() {
            if (words > 0 && words < 3) {
                offer(signature, w2 * 31 + w1);
            }
            return signature;
        }
    }

    private static void offer(long[] signature, long shingle) {
        for (int i = 0; i < PERMUTATIONS; i++) {
            long h = mix(shingle ^ SEEDS[i]);
            if (Long.compareUnsigned(h, signature[i]) < 0) {
                signature[i] = h;
            }
        }
    }

    /** The bucket of each band: texts that share a bucket in any band are candidates. */
    public static long[] bandBuckets(long[] signature) {
        long[] buckets = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long h = b;
            for (int r = 0; r < ROWS; r++) {
                h = mix(h * 31 + signature[b * ROWS + r]);
            }
            buckets[b] = h;
        }
        return buckets;
    }

    /** Estimated Jaccard similarity of the two texts' 3-gram sets. */
    public static double similarity(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < PERMUTATIONS; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / PERMUTATIONS;
    }

    public static byte[] toBytes(long[] signature) {
        ByteBuffer buffer = ByteBuffer.allocate(signature.length * Long.BYTES);
        for (long v : signature) {
            buffer.putLong(v);
        }
        return buffer.array();
    }

    public static long[] fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long[] signature = new long[bytes.length / Long.BYTES];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = buffer.getLong();
        }
        return signature;
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private static long fnv(String s) {
        long h = FNV_OFFSET;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= FNV_PRIME;
        }
        return h;
    }

    /** SplitMix64's finaliser: a cheap, well-spread 64-bit mixing function. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
