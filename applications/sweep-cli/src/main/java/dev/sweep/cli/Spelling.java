package dev.sweep.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The words a mistyped one was most likely meant to be, for "did you mean". */
final class Spelling {

    private Spelling() {
    }

    /**
     * The words at the smallest edit distance from {@code typed} (insertions, deletions, substitutions and swaps of
     * neighbours count one each), if that distance is small for the word's length: one edit per three letters, at
     * least one. Empty when nothing is that close: a far-fetched guess misleads more than no guess.
     */
    static List<String> nearest(String typed, Collection<String> words) {
        int limit = Math.max(1, typed.length() / 3);
        int best = Integer.MAX_VALUE;
        List<String> nearest = new ArrayList<>();
        for (String word : words) {
            int distance = distance(typed, word);
            if (distance > limit || distance > best) {
                continue;
            }
            if (distance < best) {
                best = distance;
                nearest.clear();
            }
            nearest.add(word);
        }
        return nearest;
    }

    /** Optimal string alignment distance: Levenshtein plus the swap of two neighbouring letters. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
