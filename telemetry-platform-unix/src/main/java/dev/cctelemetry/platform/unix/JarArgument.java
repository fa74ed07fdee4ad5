package dev.cctelemetry.platform.unix;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The jar in a java command line read back from a service file: the word after {@code -jar}. */
final class JarArgument {

    private JarArgument() {
    }

    /** The word after the first {@code -jar} in {@code words}; empty when there is none. */
    static Optional<Path> of(List<String> words) {
        int at = words.indexOf("-jar");
        return at < 0 || at + 1 >= words.size() ? Optional.empty() : Optional.of(Path.of(words.get(at + 1)));
    }
}
