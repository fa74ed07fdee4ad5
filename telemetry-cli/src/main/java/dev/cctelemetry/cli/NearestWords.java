package dev.cctelemetry.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The words a mistyped one was probably meant to be ({@code repot} → {@code report}, {@code snyc} → {@code sync},
 * {@code dayly} → {@code daily}), by edit distance counting a swap of two neighbours as one edit. picocli's own
 * suggestions compare letter pairs and find nothing for a swap like {@code snyc}, the commonest slip.
 */
final class NearestWords {

    private NearestWords() {
    }

    /**
     * The candidates within a third of the typed word's length (at least one edit, at most three), nearest first,
     * then alphabetically; empty when nothing is close.
     */
    static List<String> to(String typed, Collection<String> candidates) {
        String word = typed.toLowerCase(Locale.ROOT);
        int allowed = Math.min(3, Math.max(1, word.length() / 3));
        record Scored(String word, int distance) {
        }
        return candidates.stream().map(c -> new Scored(c, distance(word, c.toLowerCase(Locale.ROOT))))
                .filter(s -> s.distance() <= allowed)
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::word))
                .map(Scored::word).distinct().toList();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
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
