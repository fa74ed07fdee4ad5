package dev.cctelemetry.app.doctor;

import dev.cctelemetry.app.config.StoreConfig;
import java.util.Map;

/** Connects to a configured store once, to prove it is reachable and accepts the login. */
public interface StoreProbe {

    /**
     * Connects (and disconnects).
     *
     * @throws dev.cctelemetry.core.port.out.RemoteStoreException with a one-line reason when it fails
     */
    void connect(StoreConfig store);

    /** The environment a password variable is read from. */
    Map<String, String> environment();
}
