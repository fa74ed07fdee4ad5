package dev.cctelemetry.mcp.tool;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A call's arguments, read by name and type. Every accessor names the argument in its error, so a model that sent
 * a bad value learns what to send instead.
 */
public final class ToolArguments {

    private final Map<String, Object> values;

    /** The arguments of a call (an empty map when the call had none). */
    public ToolArguments(Map<String, Object> values) {
        this.values = values == null ? Map.of() : Map.copyOf(withoutNulls(values));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> values) {
        return values.entrySet().stream().filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** A string argument, if given. */
    public Optional<String> text(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw new ToolInputException(name + " must be a string, got " + v);
        }
        return s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }

    /** An integer argument in {@code [min, max]}, if given. */
    public Optional<Integer> integer(String name, int min, int max) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        long n;
        if (v instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())) {
            n = num.longValue();
        } else if (v instanceof String s && s.trim().matches("-?\\d{1,10}")) {
            n = Long.parseLong(s.trim());
        } else {
            throw new ToolInputException(name + " must be a whole number, got " + v);
        }
        if (n < min || n > max) {
            throw new ToolInputException(name + " must be between " + min + " and " + max + ", got " + n);
        }
        return Optional.of((int) n);
    }

    /** A date argument ({@code YYYY-MM-DD}), if given. */
    public Optional<LocalDate> date(String name) {
        return text(name).map(s -> {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw new ToolInputException(name + " must be a date as YYYY-MM-DD, got " + s);
            }
        });
    }

    /** One of an enum's constants, named in lower case ({@code this_week} for {@code THIS_WEEK}), if given. */
    public <E extends Enum<E>> Optional<E> choice(String name, Class<E> type) {
        return text(name).map(s -> {
            for (E e : type.getEnumConstants()) {
                if (InputSchema.wireName(e).equals(s.toLowerCase(Locale.ROOT))) {
                    return e;
                }
            }
            throw new ToolInputException(name + " must be one of "
                    + Arrays.stream(type.getEnumConstants()).map(InputSchema::wireName)
                            .collect(Collectors.joining(", ")) + ", got " + s);
        });
    }

    /** A nested object argument (its own arguments), if given. */
    public Optional<ToolArguments> object(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new ToolInputException(name + " must be an object, got " + v);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) m;
        return Optional.of(new ToolArguments(nested));
    }
}
