package dev.cctelemetry.hooks.settings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A parsed settings file plus what is needed to write it back the way it came: whether it started with a UTF-8
 * BOM and which line separator it used.
 *
 * @param root          the settings tree (an empty object for an empty or whitespace-only file)
 * @param text          the decoded text without the BOM ({@code ""} for a missing file)
 * @param bom           whether the file started with a UTF-8 byte order mark
 * @param lineSeparator {@code "\r\n"} when the file used it, else {@code "\n"}
 */
record SettingsDocument(ObjectNode root, String text, boolean bom, String lineSeparator) {

    SettingsDocument {
        Objects.requireNonNull(root, "root is null");
        Objects.requireNonNull(text, "text is null");
        Objects.requireNonNull(lineSeparator, "lineSeparator is null");
    }
}
