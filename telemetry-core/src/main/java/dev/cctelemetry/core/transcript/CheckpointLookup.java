package dev.cctelemetry.core.transcript;

import java.io.IOException;
import java.util.Map;

/**
 * Where a walk's windows find their checkpoints: the ledger, or the copy a sync published next to it. Windows
 * are asked for in the walk's order, so a source read front to back serves them without holding more than one.
 */
@FunctionalInterface
public interface CheckpointLookup {

    /**
     * The checkpoints whose paths lie between {@code first} and {@code last} (both included) in {@link PathOrder},
     * by path; empty when there are none, never null.
     *
     * @throws IOException when the source cannot be read
     */
    Map<String, FileCheckpoint> between(String first, String last) throws IOException;
}
