package dev.cctelemetry.mcp.tool;

import dev.cctelemetry.app.query.DataScope;
import dev.cctelemetry.app.query.ScopedAnswer;
import dev.cctelemetry.app.query.UsageQuerySource;
import dev.cctelemetry.core.port.out.UsageQueries;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Function;

/** The {@code scope} argument every tool takes, and the question asked in that scope. */
public final class ScopedQueries {

    private final UsageQuerySource source;

    @Inject
    ScopedQueries(UsageQuerySource source) {
        this.source = source;
    }

    /** The schema of the scope argument. */
    public static InputSchema schema() {
        return InputSchema.object().choice("scope", DataScope.class, "this_machine (the local ledger) or"
                + " all_machines (the shared team store). Default: all_machines when a shared store is configured,"
                + " else this_machine.");
    }

    /** Asks {@code question} in the scope the arguments name. */
    public <T> ScopedAnswer<T> ask(ToolArguments args, Function<UsageQueries, T> question) {
        return source.ask(args.choice("scope", DataScope.class), question);
    }

    /** {@code {"scope": "all_machines", "source": "all machines (...)"}}. */
    static Map<String, Object> json(ScopedAnswer<?> answer) {
        return Map.of("scope", InputSchema.wireName(answer.scope()), "source", answer.source());
    }
}
