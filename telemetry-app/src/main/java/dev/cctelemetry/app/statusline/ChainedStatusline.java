package dev.cctelemetry.app.statusline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The user's own statusLine command, kept when ours took its place and run by ours as Claude Code would run it:
 * through the shell Claude Code uses ({@link ChainShell}), with the same payload on stdin, its output shown (above ours) only when it exits 0 in time.
 * Its stderr is dropped and its stdout bounded, so it can neither write to Claude Code's stderr through us nor
 * hold our line back for longer than {@link #TIMEOUT}.
 */
public final class ChainedStatusline {

    /** How long theirs may take; after that it is ended and ours shows alone. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Most bytes of their output shown. */
    public static final int MAX_OUTPUT = 16 * 1024;

    private final Process process;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Thread pump;

    private ChainedStatusline(Process process, byte[] payload) {
        this.process = process;
        this.pump = new Thread(new Pump(process, payload, output), "statusline-chain");
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Starts the command named in {@code chainFile} in {@code shell} with {@code payload} on its stdin; empty when
     * there is none or it cannot start.
     */
    public static Optional<ChainedStatusline> start(Path chainFile, ChainShell shell, byte[] payload,
            int payloadLength) {
        String command;
        try {
            command = Files.readString(chainFile, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (command.isEmpty()) {
            return Optional.empty();
        }
        ChainShell.Invocation run = shell.invocation(command, chainFile);
        try {
            ProcessBuilder builder = new ProcessBuilder(run.command()).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().putAll(run.environment());
            Process p = builder.start();
            byte[] exact = payloadLength == payload.length ? payload : java.util.Arrays.copyOf(payload, payloadLength);
            return Optional.of(new ChainedStatusline(p, exact));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Their output without trailing line breaks, once they exit 0 within {@link #TIMEOUT} of {@code startNanos};
     * empty otherwise (then they are ended).
     */
    public Optional<String> output(long startNanos) {
        try {
            long left = TIMEOUT.toNanos() - (System.nanoTime() - startNanos);
            if (!process.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            pump.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            if (process.exitValue() != 0) {
                return Optional.empty();
            }
            String text;
            synchronized (output) {
                text = output.toString(StandardCharsets.UTF_8);
            }
            text = text.stripTrailing();
            return text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return Optional.empty();
        }
    }

    /** Feeds the payload and collects stdout (bounded) on its own thread, so a full pipe blocks neither side. */
    private static final class Pump implements Runnable {
        private final Process process;
        private final byte[] payload;
        private final ByteArrayOutputStream output;

        Pump(Process process, byte[] payload, ByteArrayOutputStream output) {
            this.process = process;
            this.payload = payload;
            this.output = output;
        }

        @Override
        public void run() {
            try (OutputStream in = process.getOutputStream()) {
                in.write(payload);
            } catch (IOException e) {
                // they did not read it all: what they print still counts
            }
            try (InputStream out = process.getInputStream()) {
                byte[] buf = new byte[4096];
                int n;
                while ((n = out.read(buf)) >= 0) {
                    synchronized (output) {
                        int room = MAX_OUTPUT - output.size();
                        if (room > 0) {
                            output.write(buf, 0, Math.min(room, n));
                        }
                    }
                }
            } catch (IOException e) {
                // ended: what was read is kept
            }
        }
    }
}
