package dev.cctelemetry.core.port.out;

import java.nio.file.Path;
import java.util.Map;

/**
 * Renders the OS's hook script: the small program Claude Code runs on {@code Stop} and {@code SessionEnd}.
 *
 * <p>Every rendered script keeps the same contract on every OS: it copies stdin (at most
 * {@link HookScriptSpec#maxStdinBytes()} bytes) to a fresh owner-only spool file under {@code <home>/spool/};
 * for {@link HookEvent#STOP} it applies the debounce of {@code dev.cctelemetry.core.debounce} itself (a JVM
 * starts too slowly to do it) with an atomic per-session gate under {@code <home>/state/debounce/}; it starts
 * the worker ({@code java -jar <jar> hook-run ...}) fully detached and never waits for it; it interpolates
 * nothing from the payload into a command; and it prints nothing and exits 0 whatever happens (a missing Java,
 * a full disk), logging one line to {@code <home>/logs/hook-script.log} where it can.
 */
public interface HookScriptRenderer {

    /** The full text of the script for {@code event}, with the values of {@code spec} baked in. */
    String render(HookEvent event, HookScriptSpec spec);

    /**
     * The values baked into a script this renderer wrote (read back through the same {@link HookScriptTemplate}
     * that wrote them); only the values found are in the map, so it is empty for a text that is not one of its
     * scripts.
     */
    Map<HookScriptTemplate.Value, String> installedValues(String scriptText);

    /** The file name the script for {@code event} is installed under (for example {@code cc-telemetry-stop.sh}). */
    String fileName(HookEvent event);

    /**
     * The {@code command} string to register in Claude Code's {@code settings.json} so that Claude Code runs
     * {@code script}: it must survive the shell Claude Code uses on this OS.
     *
     * @param script absolute path of the installed script
     */
    String registeredCommand(Path script);

    /**
     * The statusLine script ({@link #statuslineFileName()}): runs {@code cc-telemetry statusline} from the installed
     * jar in the foreground with Claude Code's stdin and stdout, the JVM options of {@code spec}'s background
     * processes and stderr discarded, and exits 0 whatever happens.
     */
    String renderStatusline(HookScriptSpec spec);

    /** The file name the statusLine script is installed under; holds {@code cc-telemetry-statusline}. */
    default String statuslineFileName() {
        return "cc-telemetry-statusline.sh";
    }

    /**
     * The {@code command} string of Claude Code's {@code statusLine} that runs the statusLine script at
     * {@code script}; {@link #registeredCommand} unless the platform runs it differently.
     *
     * @param script absolute path of the installed statusLine script
     */
    default String statuslineCommand(Path script) {
        return registeredCommand(script);
    }
}
