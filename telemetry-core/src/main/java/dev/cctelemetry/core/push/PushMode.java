package dev.cctelemetry.core.push;

import java.time.Duration;
import java.util.Objects;

/**
 * How a push was asked for.
 *
 * @param respectBackoff whether to skip the push while the backoff after failures lasts (hooks, daemon, reports)
 *     or push anyway (a user's {@code push} or {@code sync})
 * @param lockWait how long to wait for another process's push to finish
 */
public record PushMode(boolean respectBackoff, Duration lockWait) {

    /** A user ran {@code push} or {@code sync}: push now, waiting a while for a running push. */
    public static final PushMode MANUAL = new PushMode(false, Duration.ofSeconds(60));

    /** A hook, the daemon or a report's pre-sync: honour the backoff and never queue behind another push. */
    public static final PushMode AUTOMATIC = new PushMode(true, Duration.ZERO);

    public PushMode {
        Objects.requireNonNull(lockWait, "lockWait is null");
    }
}
