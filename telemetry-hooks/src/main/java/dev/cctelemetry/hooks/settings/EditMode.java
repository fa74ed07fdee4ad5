package dev.cctelemetry.hooks.settings;

/** Whether {@link SettingsFileEditor} writes its change or only reports it. */
public enum EditMode {
    /** Back up, then write the change atomically. */
    APPLY,
    /** Compute the diff and warnings; write nothing, not even a backup. */
    DRY_RUN
}
