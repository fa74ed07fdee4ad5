package dev.cctelemetry.hooks.settings;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Settings that silently keep cc-telemetry's hooks from running (the transcript sweep still works). */
final class HookBlockers {

    static final String DISABLE_ALL_HOOKS = "disableAllHooks";
    static final String ALLOW_MANAGED_HOOKS_ONLY = "allowManagedHooksOnly";

    private HookBlockers() {
    }

    static boolean isSet(JsonNode settings, String key) {
        JsonNode value = settings.get(key);
        return value != null && value.isBoolean() && value.booleanValue();
    }

    /** One warning per blocking key set to {@code true} in {@code settings}. */
    static List<String> warnings(JsonNode settings, Path path) {
        List<String> warnings = new ArrayList<>();
        if (isSet(settings, DISABLE_ALL_HOOKS)) {
            warnings.add("hooks will not run: " + path + " sets \"" + DISABLE_ALL_HOOKS
                    + "\": true, which turns off every hook (the periodic transcript sync still runs)");
        }
        if (isSet(settings, ALLOW_MANAGED_HOOKS_ONLY)) {
            warnings.add("hooks will not run: " + path + " sets \"" + ALLOW_MANAGED_HOOKS_ONLY
                    + "\": true, which allows only managed-policy hooks (the periodic transcript sync still runs)");
        }
        return warnings;
    }
}
