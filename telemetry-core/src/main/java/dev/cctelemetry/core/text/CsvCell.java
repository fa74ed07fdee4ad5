package dev.cctelemetry.core.text;

import java.util.regex.Pattern;

/**
 * One CSV cell for a file people open in a spreadsheet. Quoting follows RFC 4180; cells a spreadsheet would
 * evaluate as a formula are neutralised by OWASP's rule ("CSV Injection"): a cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '}, which spreadsheets show
 * as text instead of running it ({@code =HYPERLINK("http://x")} stays a string). Numbers (a sign, digits, one
 * point) are left alone. Claude Code's project folder names start with {@code -} ({@code -home-me-code}) and
 * so become {@code '-home-me-code}: still readable, and no longer shown as {@code #NAME?}. A cell holding a
 * {@code ;} is quoted too, for spreadsheets set to split on semicolons. For exact values, export JSON lines.
 */
public final class CsvCell {

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCell() {
    }

    /** {@code value} as one cell: neutralised if a spreadsheet would evaluate it, quoted where needed. */
    public static String of(String value) {
        String v = value;
        if (!v.isEmpty() && FORMULA_STARTS.indexOf(v.charAt(0)) >= 0 && !NUMBER.matcher(v).matches()) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || v.indexOf(';') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
