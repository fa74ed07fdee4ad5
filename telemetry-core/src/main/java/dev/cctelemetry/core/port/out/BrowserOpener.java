package dev.cctelemetry.core.port.out;

import java.net.URI;

/**
 * Asks the desktop to show a page in the user's default browser (for {@code cc-telemetry dashboard}): the
 * platform's own opener ({@code xdg-open}, {@code open}, the Windows URL handler), started without waiting for
 * it and without a shell, so nothing in the URL is interpreted.
 */
public interface BrowserOpener {

    /**
     * Starts the default browser on {@code url}, if this session can show one.
     *
     * @return false, having started nothing, when there is no display (a server, an SSH session) or no opener;
     *     true once the opener was started (whether a browser really appears is then up to the desktop)
     */
    boolean open(URI url);
}
