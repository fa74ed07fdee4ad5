package dev.cctelemetry.app.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The java executable and jar baked into an installed hook script: {@code CCT_JAVA='...'} in the POSIX script,
 * {@code $CctJava = '...'} in the PowerShell one (both single-quoted, as the renderers write them).
 *
 * @param java the java executable the script runs
 * @param jar the jar it runs
 */
public record HookScriptValues(Path java, Path jar) {

    private static final Pattern SH = Pattern.compile("^CCT_(JAVA|JAR)=('(?:[^']|'\\\\'')*')\\s*$",
            Pattern.MULTILINE);
    private static final Pattern PS1 = Pattern.compile("^\\$Cct(Java|Jar)\\s*=\\s*('(?:[^']|'')*')\\s*$",
            Pattern.MULTILINE);

    /** Parses an installed script; empty when it holds neither form. */
    public static Optional<HookScriptValues> read(Path script) throws IOException {
        return parse(Files.readString(script, StandardCharsets.UTF_8));
    }

    /** Parses script text. */
    public static Optional<HookScriptValues> parse(String text) {
        String java = null;
        String jar = null;
        Matcher m = SH.matcher(text);
        while (m.find()) {
            String v = shellUnquote(m.group(2));
            if (m.group(1).equals("JAVA")) {
                java = v;
            } else {
                jar = v;
            }
        }
        m = PS1.matcher(text);
        while (m.find()) {
            String v = m.group(2);
            v = v.substring(1, v.length() - 1).replace("''", "'");
            if (m.group(1).equals("Java")) {
                java = v;
            } else {
                jar = v;
            }
        }
        if (java == null || jar == null) {
            return Optional.empty();
        }
        return Optional.of(new HookScriptValues(Path.of(java), Path.of(jar)));
    }

    private static String shellUnquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1).replace("'\\''", "'");
    }
}
