package dev.cctelemetry.app.doctor;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Claude Code version, {@code major.minor.patch}.
 *
 * @param major major
 * @param minor minor
 * @param patch patch
 */
public record ClaudeVersion(int major, int minor, int patch) implements Comparable<ClaudeVersion> {

    /** Before this version, SessionEnd hooks were killed after 1.5 s whatever their timeout. */
    public static final ClaudeVersion SESSION_END_TIMEOUT_HONOURED = new ClaudeVersion(2, 1, 74);

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    /** The first {@code x.y.z} in {@code text} (e.g. {@code 2.1.328 (Claude Code)}). */
    public static Optional<ClaudeVersion> find(String text) {
        Matcher m = VERSION.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ClaudeVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public int compareTo(ClaudeVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
