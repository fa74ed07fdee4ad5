package dev.cctelemetry.core.port.out;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a hook script with its values left as placeholders ({@code @JAVA@}, {@code @JAR@} ...): the one
 * definition of the values a script carries, used both to write a script ({@link #fill}) and to read an installed
 * one back ({@link #read}), so the two can never disagree about where a value sits.
 *
 * <p>Every placeholder is replaced in one pass over the template: a value is copied as it is and never read again,
 * so a path that happens to hold {@code @HOME@} or {@code @WINDOW@} cannot pull another value into the script.
 */
public final class HookScriptTemplate {

    /** The values a hook script carries. */
    public enum Value {
        /** The event's name as the worker's {@code --event} spells it. */
        EVENT,
        /** The java executable, quoted for the script's language. */
        JAVA,
        /** The installed jar, quoted. */
        JAR,
        /** The telemetry home, quoted. */
        HOME,
        /** The Stop debounce window in seconds. */
        WINDOW,
        /** The payload bound in bytes. */
        MAX_BYTES;

        /** How the value's place is marked in a template: {@code @JAVA@}. */
        public String placeholder() {
            return "@" + name() + "@";
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("@([A-Z_]+)@");

    private final String text;

    /** A template over {@code text}. */
    public HookScriptTemplate(String text) {
        this.text = Objects.requireNonNull(text, "text is null");
    }

    /**
     * The script: every placeholder replaced by its value, in one pass.
     *
     * @param values each placeholder's text, already quoted for the script's language
     * @throws IllegalArgumentException when the template names a value that is not given
     */
    public String fill(Map<Value, String> values) {
        Map<Value, String> given = new EnumMap<>(values);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (m.find()) {
            Value v = value(m.group(1)).orElse(null);
            if (v == null) {
                continue; // not one of ours (a script may hold @ signs of its own)
            }
            String replacement = given.get(v);
            if (replacement == null) {
                throw new IllegalArgumentException("no value for " + v.placeholder());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The script for {@code event}: the spec's values, the paths quoted by {@code quote} for the script's language.
     *
     * @param event the event's name as the worker's {@code --event} spells it
     */
    public String fill(String event, HookScriptSpec spec, UnaryOperator<String> quote) {
        return fill(Map.of(
                Value.EVENT, event,
                Value.JAVA, quote.apply(spec.javaExecutable().toString()),
                Value.JAR, quote.apply(spec.jar().toString()),
                Value.HOME, quote.apply(spec.telemetryHome().toString()),
                Value.WINDOW, Integer.toString(spec.debounceWindowSeconds()),
                Value.MAX_BYTES, Long.toString(spec.maxStdinBytes())));
    }

    /**
     * The paths an installed script holds ({@link Value#JAVA}, {@link Value#JAR}, {@link Value#HOME}), each read back
     * by {@link #read}; only those found are in the map.
     */
    public Map<Value, String> paths(String script, Function<String, Optional<String>> unquote) {
        Map<Value, String> found = new EnumMap<>(Value.class);
        for (Value v : List.of(Value.JAVA, Value.JAR, Value.HOME)) {
            read(script, v, unquote).ifPresent(text -> found.put(v, text));
        }
        return found;
    }

    /**
     * A value as an installed script holds it: the script's line that the template's declaration of the value
     * becomes (same text before and after the placeholder), its value turned back by {@code unquote}.
     *
     * @param script an installed script's text
     * @param unquote the script language's reading of a quoted value; empty when the text is not one
     * @return empty when the script declares no such value, or not in the form this template writes it
     */
    public Optional<String> read(String script, Value value, Function<String, Optional<String>> unquote) {
        Optional<String> declaration = text.lines().filter(l -> l.contains(value.placeholder())).findFirst();
        if (declaration.isEmpty()) {
            return Optional.empty();
        }
        String line = declaration.get();
        int at = line.indexOf(value.placeholder());
        String before = line.substring(0, at);
        String after = line.substring(at + value.placeholder().length());
        return script.lines()
                .filter(l -> l.length() >= before.length() + after.length() && l.startsWith(before)
                        && l.endsWith(after))
                .map(l -> unquote.apply(l.substring(before.length(), l.length() - after.length())))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<Value> value(String name) {
        for (Value v : Value.values()) {
            if (v.name().equals(name)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
