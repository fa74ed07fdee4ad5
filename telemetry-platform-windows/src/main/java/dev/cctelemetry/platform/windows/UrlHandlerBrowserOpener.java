package dev.cctelemetry.platform.windows;

import dev.cctelemetry.core.port.out.BrowserOpener;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a page with Windows' URL protocol handler ({@code rundll32 url.dll,FileProtocolHandler URL}), the same
 * call {@code start} makes, but without {@code cmd.exe}: a URL's {@code &} or {@code ^} would mean something to
 * cmd, and here it is one argument of one program.
 */
public final class UrlHandlerBrowserOpener implements BrowserOpener {

    private static final Logger log = LoggerFactory.getLogger(UrlHandlerBrowserOpener.class);

    @Override
    public boolean open(URI url) {
        try {
            new ProcessBuilder(command(url)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (IOException e) {
            log.debug("could not start the URL handler", e);
            return false;
        }
    }

    /** The command line. */
    static List<String> command(URI url) {
        return List.of("rundll32.exe", "url.dll,FileProtocolHandler", url.toString());
    }
}
