package dev.cctelemetry.platform.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a PowerShell function written in the plain subset the hook script's decisions use, and evaluates it: a body
 * of {@code if (<condition>) { return '<word>' }} lines ending in {@code return '<word>'}; conditions of
 * parenthesised comparisons ({@code -lt -le -gt -ge -eq -ne}) of parameters, integers and {@code $null}, bare
 * boolean parameters, {@code -not}, and {@code -and}/{@code -or} (equal precedence, left to right, as in
 * PowerShell). Anything else in the body fails the read: a decision written outside the subset cannot pass unseen.
 */
final class PowerShellDecisions {

    private static final Pattern IF_RETURN = Pattern.compile("if \\((.*)\\) \\{ return '([a-z-]+)' \\}");
    private static final Pattern RETURN = Pattern.compile("return '([a-z-]+)'");

    private final List<String[]> branches = new ArrayList<>();
    private final String otherwise;

    private PowerShellDecisions(List<String[]> branches, String otherwise) {
        this.branches.addAll(branches);
        this.otherwise = otherwise;
    }

    /** The function {@code name} of {@code script}. */
    static PowerShellDecisions function(String script, String name) {
        int at = script.indexOf("function " + name + "(");
        if (at < 0) {
            throw new IllegalArgumentException("no function " + name);
        }
        int open = script.indexOf("{\n", at);
        int close = script.indexOf("\n}\n", open);
        List<String[]> branches = new ArrayList<>();
        String otherwise = null;
        for (String raw : script.substring(open + 2, close).split("\n")) {
            String line = raw.strip();
            Matcher m = IF_RETURN.matcher(line);
            Matcher r = RETURN.matcher(line);
            if (otherwise == null && m.matches()) {
                branches.add(new String[] {m.group(1), m.group(2)});
            } else if (otherwise == null && r.matches()) {
                otherwise = r.group(1);
            } else {
                throw new IllegalArgumentException(name + ": outside the evaluated subset: " + line);
            }
        }
        if (otherwise == null) {
            throw new IllegalArgumentException(name + " has no final return");
        }
        return new PowerShellDecisions(branches, otherwise);
    }

    /** The word the function returns for these arguments ({@code null} for {@code $null}). */
    String evaluate(Map<String, Object> arguments) {
        for (String[] b : branches) {
            if (new Condition(b[0], arguments).parse()) {
                return b[1];
            }
        }
        return otherwise;
    }

    /** A recursive-descent reading of one condition. */
    private static final class Condition {
        private final List<String> tokens = new ArrayList<>();
        private final Map<String, Object> arguments;
        private int pos;

        Condition(String text, Map<String, Object> arguments) {
            Matcher m = Pattern.compile("\\(|\\)|-[a-z]+|\\$[A-Za-z]+|\\d+").matcher(text);
            int end = 0;
            while (m.find()) {
                if (!text.substring(end, m.start()).isBlank()) {
                    throw new IllegalArgumentException("cannot read: " + text);
                }
                tokens.add(m.group());
                end = m.end();
            }
            if (!text.substring(end).isBlank()) {
                throw new IllegalArgumentException("cannot read: " + text);
            }
            this.arguments = arguments;
        }

        boolean parse() {
            boolean v = expression();
            if (pos != tokens.size()) {
                throw new IllegalArgumentException("left over: " + tokens.subList(pos, tokens.size()));
            }
            return v;
        }

        private boolean expression() {
            boolean v = term();
            while (pos < tokens.size() && (tokens.get(pos).equals("-and") || tokens.get(pos).equals("-or"))) {
                boolean and = tokens.get(pos++).equals("-and");
                boolean right = term();
                v = and ? v && right : v || right;
            }
            return v;
        }

        private boolean term() {
            String t = tokens.get(pos);
            if (t.equals("-not")) {
                pos++;
                return !term();
            }
            if (t.equals("(")) {
                pos++;
                Object left = operand();
                if (tokens.get(pos).equals(")")) {
                    pos++;
                    return truthy(left);
                }
                String op = tokens.get(pos++);
                Object right = operand();
                expect(")");
                return compare(left, op, right);
            }
            return truthy(operand());
        }

        private Object operand() {
            String t = tokens.get(pos);
            if (t.equals("(")) {
                // A nested condition used as an operand of -and/-or.
                pos++;
                boolean v = expression();
                expect(")");
                return v;
            }
            pos++;
            if (t.equals("$null")) {
                return null;
            }
            if (t.startsWith("$")) {
                String name = t.substring(1);
                if (!arguments.containsKey(name)) {
                    throw new IllegalArgumentException("unknown parameter " + t);
                }
                return arguments.get(name);
            }
            return Long.parseLong(t);
        }

            private void expect(String token) {
            if (pos >= tokens.size() || !tokens.get(pos).equals(token)) {
                throw new IllegalArgumentException("expected " + token + " at " + pos + " in " + tokens);
            }
            pos++;
        }

        private static boolean truthy(Object v) {
            return v instanceof Boolean b ? b : v != null;
        }

        private static boolean compare(Object left, String op, Object right) {
            if (left == null || right == null) {
                return switch (op) {
                    case "-eq" -> left == right;
                    case "-ne" -> left != right;
                    default -> false; // PowerShell compares $null as less than anything; the subset never does
                };
            }
            long a = ((Number) left).longValue();
            long b = ((Number) right).longValue();
            return switch (op) {
                case "-lt" -> a < b;
                case "-le" -> a <= b;
                case "-gt" -> a > b;
                case "-ge" -> a >= b;
                case "-eq" -> a == b;
                case "-ne" -> a != b;
                default -> throw new IllegalArgumentException("unknown operator " + op);
            };
        }
    }
}
