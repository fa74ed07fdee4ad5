package dev.cctelemetry.app.setup;

import dev.cctelemetry.app.config.StoreConfig;
import dev.cctelemetry.app.hooks.HookInstallation.ExistingStatusline;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user chose in {@code setup}.
 *
 * @param machineName the readable machine name
 * @param store the remote store, empty for local only
 * @param installHooks whether to install the Claude Code hooks
 * @param installService whether to install the background service
 * @param resetMachineId whether to give this machine a new id (a config copied from another machine)
 * @param statusline whether to set cc-telemetry's status line in Claude Code
 * @param existingStatusline what to do with a statusLine of the user's own, when one is set (as
 *     {@code setup-hooks --existing-statusline}); empty when there is none
 * @param registerMcp whether to register the MCP server for Claude Code (as {@code setup-hooks --mcp})
 */
public record SetupAnswers(String machineName, Optional<StoreConfig> store, boolean installHooks,
        boolean installService, boolean resetMachineId, boolean statusline,
        Optional<ExistingStatusline> existingStatusline, boolean registerMcp) {

    public SetupAnswers {
        Objects.requireNonNull(machineName, "machineName is null");
        Objects.requireNonNull(store, "store is null");
        Objects.requireNonNull(existingStatusline, "existingStatusline is null");
    }
}
