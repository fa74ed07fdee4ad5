package dev.cctelemetry.core.port.out;

import dev.cctelemetry.core.push.PushStatus;

/** Where {@link PushStatus} is kept between processes ({@code <home>/state/push-status.json} in production). */
public interface PushStatusStore {

    /** The stored status; {@link PushStatus#NEVER} when none is stored or it cannot be read. */
    PushStatus load();

    /** Replaces the stored status. A failure to store is logged, never thrown: it must not fail a push. */
    void save(PushStatus status);
}
