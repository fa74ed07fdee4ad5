package dev.cctelemetry.hooks.settings;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a tree the way JavaScript's {@code JSON.stringify(x, null, 2)} does, so a file cc-telemetry wrote looks
 * like one Claude Code wrote: two-space indent, {@code "key": value}, {@code {}}/{@code []} for empty containers,
 * only the escapes JavaScript uses, non-ASCII left as is, and a trailing newline.
 *
 * <p>One deliberate difference: integers are written exactly as parsed, even beyond 2^53 where JavaScript
 * would round them, because cc-telemetry must never change a value it does not own.
 */
final class JsonStringifyWriter {

    private static final String INDENT = "  ";

    /** The document text, ending with {@code lineSeparator}. */
    String write(JsonNode root, String lineSeparator) {
        StringBuilder out = new StringBuilder();
        value(root, "", lineSeparator, out);
        return out.append(lineSeparator).toString();
    }

    private void value(JsonNode node, String indent, String nl, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> object(node, indent, nl, out);
            case ARRAY -> array(node, indent, nl, out);
            case STRING -> string(node.textValue(), out);
            case NUMBER -> out.append(number(node));
            case BOOLEAN -> out.append(node.booleanValue());
            default -> out.append("null");
        }
    }

    private void object(JsonNode node, String indent, String nl, StringBuilder out) {
        if (node.isEmpty()) {
            out.append("{}");
            return;
        }
        String inner = indent + INDENT;
        out.append('{');
        Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> field = it.next();
            out.append(nl).append(inner);
            string(field.getKey(), out);
            out.append(": ");
            value(field.getValue(), inner, nl, out);
            if (it.hasNext()) {
                out.append(',');
            }
        }
        out.append(nl).append(indent).append('}');
    }

    private void array(JsonNode node, String indent, String nl, StringBuilder out) {
        if (node.isEmpty()) {
            out.append("[]");
            return;
        }
        String inner = indent + INDENT;
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
            out.append(nl).append(inner);
            value(node.get(i), inner, nl, out);
            if (i < node.size() - 1) {
                out.append(',');
            }
        }
        out.append(nl).append(indent).append(']');
    }

    /** JSON.stringify's QuoteJSONString: short escapes, a six-character hex escape for other controls and lone surrogates. */
    static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    private static String number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        return jsNumber(node.doubleValue());
    }

    /** ECMAScript Number::toString: plain notation for exponents -7 &lt; n &le; 21, otherwise {@code 1.5e-7}. */
    static String jsNumber(double d) {
        if (d == 0 || !Double.isFinite(d)) {
            return Double.isFinite(d) ? "0" : "null";
        }
        String sign = d < 0 ? "-" : "";
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int k = digits.length();
        int n = k - exact.scale();
        String body;
        if (k <= n && n <= 21) {
            body = digits + "0".repeat(n - k);
        } else if (0 < n && n <= 21) {
            body = digits.substring(0, n) + "." + digits.substring(n);
        } else if (-6 < n && n <= 0) {
            body = "0." + "0".repeat(-n) + digits;
        } else {
            String exponent = (n - 1 >= 0 ? "+" : "-") + Math.abs(n - 1);
            body = (k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1)) + "e" + exponent;
        }
        return sign + body;
    }
}
