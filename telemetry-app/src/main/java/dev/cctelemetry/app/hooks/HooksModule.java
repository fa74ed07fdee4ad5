package dev.cctelemetry.app.hooks;

import com.google.inject.AbstractModule;

/**
 * The hooks feature: installing the jar, the hook scripts and their registration in Claude Code's settings, and
 * the worker that handles one hook event.
 *
 * <p>Public bindings: {@link HookInstallation}, {@link InstalledJar}, {@link HookRun}, {@link McpRegistration}
 * (the MCP server's entry in Claude Code's user state file).
 */
public final class HooksModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(HookInstallation.class);
        bind(InstalledJar.class);
        bind(HookRun.class);
        bind(McpRegistration.class);
    }
}
