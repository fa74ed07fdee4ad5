package dev.cctelemetry.app.query;

import java.util.Objects;

/**
 * An answer and where it came from.
 *
 * @param value the answer
 * @param scope whose usage it covers
 * @param source what a reader is told about the data behind it, e.g. "this machine (local ledger)"
 * @param <T> the answer's type
 */
public record ScopedAnswer<T>(T value, DataScope scope, String source) {
    public ScopedAnswer {
        Objects.requireNonNull(value, "value is null");
        Objects.requireNonNull(scope, "scope is null");
        Objects.requireNonNull(source, "source is null");
    }
}
