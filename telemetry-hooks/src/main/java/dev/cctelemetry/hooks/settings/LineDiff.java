package dev.cctelemetry.hooks.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A unified-style line diff ({@code ---}/{@code +++} header, {@code @@} hunks, lines prefixed {@code -}, {@code +}
 * or a space, three lines of context) from a longest-common-subsequence alignment. Settings files are small;
 * the common prefix and suffix are stripped first, and a middle too large for the quadratic table is shown as
 * all removed then all added rather than risking memory. Texts above {@link #MAX_CHARS} get a one-line note
 * instead of a diff: splitting an 11 MB file into lines ran a 128 MiB heap out (issue 18.10), and nobody reads
 * a diff of that size.
 */
final class LineDiff {

    /** 1 MiB of text on either side: a hundred times the largest settings file seen in the wild. */
    static final int MAX_CHARS = 1 << 20;
    private static final int CONTEXT = 3;
    /** 16 MB of table at most: the command runs with a 128 MiB heap. */
    private static final long MAX_TABLE_CELLS = 4_000_000L;

    private record Op(char kind, String line, int oldNo, int newNo) {
    }

    /** The diff of {@code before} and {@code after}, or {@code ""} when their lines are equal. */
    String diff(String label, String before, String after) {
        int larger = Math.max(before.length(), after.length());
        if (larger > MAX_CHARS) {
            return String.format(Locale.ROOT, "(no line-by-line diff: %s has %,d characters, more than the %,d a"
                    + " diff is shown for)\n", label, larger, MAX_CHARS);
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Op> ops = align(a, b);
        if (ops.stream().allMatch(op -> op.kind() == ' ')) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(label).append('\n').append("+++ ").append(label).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = hunkEnd(ops, i);
            hunk(ops.subList(start, end), out);
            i = end;
        }
        return out.toString();
    }

    /** End (exclusive) of the hunk containing the change at {@code i}: changes closer than 2×context merge. */
    private static int hunkEnd(List<Op> ops, int i) {
        int lastChange = i;
        int j = i;
        while (j < ops.size() && j - lastChange <= 2 * CONTEXT) {
            if (ops.get(j).kind() != ' ') {
                lastChange = j;
            }
            j++;
        }
        return Math.min(ops.size(), lastChange + 1 + CONTEXT);
    }

    private static void hunk(List<Op> ops, StringBuilder out) {
        int oldStart = 0;
        int newStart = 0;
        int oldCount = 0;
        int newCount = 0;
        for (Op op : ops) {
            if (op.kind() != '+') {
                oldStart = oldStart == 0 ? op.oldNo() : oldStart;
                oldCount++;
            }
            if (op.kind() != '-') {
                newStart = newStart == 0 ? op.newNo() : newStart;
                newCount++;
            }
        }
        // An empty side is shown at the line before it, as diff -u does.
        if (oldCount == 0) {
            oldStart = ops.get(0).oldNo() - 1;
        }
        if (newCount == 0) {
            newStart = ops.get(0).newNo() - 1;
        }
        out.append("@@ -").append(oldStart).append(',').append(oldCount)
                .append(" +").append(newStart).append(',').append(newCount).append(" @@\n");
        for (Op op : ops) {
            out.append(op.kind()).append(op.line()).append('\n');
        }
    }

    private static List<Op> align(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            ops.add(new Op(' ', a.get(i), i + 1, i + 1));
        }
        middle(a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix), prefix, ops);
        for (int s = suffix; s > 0; s--) {
            int ai = a.size() - s;
            int bi = b.size() - s;
            ops.add(new Op(' ', a.get(ai), ai + 1, bi + 1));
        }
        return ops;
    }

    private static void middle(List<String> a, List<String> b, int offset, List<Op> ops) {
        int n = a.size();
        int m = b.size();
        if ((long) n * m > MAX_TABLE_CELLS) {
            for (int i = 0; i < n; i++) {
                ops.add(new Op('-', a.get(i), offset + i + 1, offset + 1));
            }
            for (int j = 0; j < m; j++) {
                ops.add(new Op('+', b.get(j), offset + n + 1, offset + j + 1));
            }
            return;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                ops.add(new Op(' ', a.get(i), offset + i + 1, offset + j + 1));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                // Removals before additions on ties, as diff -u prints them.
                ops.add(new Op('-', a.get(i), offset + i + 1, offset + j + 1));
                i++;
            } else {
                ops.add(new Op('+', b.get(j), offset + i + 1, offset + j + 1));
                j++;
            }
        }
    }

    /** Lines without their terminators; a final newline does not make an extra empty line. */
    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
