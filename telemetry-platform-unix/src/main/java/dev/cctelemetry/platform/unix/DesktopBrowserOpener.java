package dev.cctelemetry.platform.unix;

import dev.cctelemetry.core.port.out.BrowserOpener;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a page with {@code open} on macOS and {@code xdg-open} elsewhere. On Linux and the BSDs a browser needs a
 * graphical session ({@code DISPLAY} or {@code WAYLAND_DISPLAY}); without one (a server, SSH) nothing is started,
 * so the command only prints its URL. The opener's output is discarded and it is never waited for.
 */
public final class DesktopBrowserOpener implements BrowserOpener {

    private static final Logger log = LoggerFactory.getLogger(DesktopBrowserOpener.class);

    private final Map<String, String> environment;
    private final boolean macOs;

    /**
     * @param environment the process environment (PATH, DISPLAY, WAYLAND_DISPLAY are read)
     * @param macOs whether this is macOS, where {@code open} always has a desktop to talk to
     */
    public DesktopBrowserOpener(Map<String, String> environment, boolean macOs) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment is null"));
        this.macOs = macOs;
    }

    @Override
    public boolean open(URI url) {
        List<String> command = command(url);
        if (command.isEmpty()) {
            return false;
        }
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            return true;
        } catch (IOException e) {
            log.debug("could not start {}", command.get(0), e);
            return false;
        }
    }

    /** The opener's command line, or an empty list when this session cannot show a browser. */
    List<String> command(URI url) {
        String program = macOs ? "open" : "xdg-open";
        if (!macOs && !new DesktopSession(environment).hasDisplay()) {
            return List.of();
        }
        // The absolute path: ProcessBuilder would search the JVM's own PATH, not the environment given here.
        return ProgramLookup.find(program, environment).map(p -> List.of(p.toString(), url.toString()))
                .orElse(List.of());
    }
}
