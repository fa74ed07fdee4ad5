package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import org.junit.jupiter.api.Test;

/** Issue 19.13: the sync's progress bar leaves no frozen "Syncing 31% ..." line above the summary. */
class TerminalProgressTest {

    private static final long MB = 1024 * 1024;

    /**
     * The lines a terminal shows for {@code text}: colour codes take no column, a carriage return goes back to
     * column 0 and what follows overwrites.
     */
    static List<String> shownLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "").split("\n", -1)) {
            StringBuilder shown = new StringBuilder();
            for (String part : line.split("\r", -1)) {
                for (int i = 0; i < part.length(); i++) {
                    if (i < shown.length()) {
                        shown.setCharAt(i, part.charAt(i));
                    } else {
                        shown.append(part.charAt(i));
                    }
                }
            }
            lines.add(shown.toString());
        }
        return lines;
    }

    @Test
    void theBarIsGoneOnceTheSyncEnds() {
        ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        PrintStream to = new PrintStream(drawn, true, StandardCharsets.UTF_8);
        // An 80-column terminal, as the library sees a real one (it cannot measure a stream).
        try (TerminalProgress progress = new TerminalProgress(true, Optional.of(new ConsoleProgressBarConsumer(to,
                80)))) {
            progress.started(100 * MB);
            progress.advanced(31 * MB);
            // As in a real sync of 50 MB or more, the bar is drawn before the sync ends. progressbar 0.10.1 skips
            // its clean-up when a bar is closed before its first scheduled redraw (that run only draws), which a
            // test closing within microseconds of the start hit in most runs.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!drawn.toString(StandardCharsets.UTF_8).contains("Syncing") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }

        String text = drawn.toString(StandardCharsets.UTF_8);
        assertThat(text).as("a bar was drawn").contains("Syncing");
        assertThat(shownLines(text)).as(text.replace("\r", "<CR>")).allSatisfy(l -> assertThat(l).isBlank());
    }

    @Test
    void shortSyncsShowNoBar() {
        ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        try (TerminalProgress progress = new TerminalProgress(true, Optional.of(new ConsoleProgressBarConsumer(
                new PrintStream(drawn, true, StandardCharsets.UTF_8), 80)))) {
            progress.started(10 * MB);
            progress.advanced(10 * MB);
        }
        assertThat(drawn.size()).isZero();
    }
}
