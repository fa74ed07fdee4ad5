package dev.cctelemetry.app.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** {@link CommandRunner} with {@link ProcessBuilder}; output beyond 64 KB is ignored. */
public final class ProcessCommandRunner implements CommandRunner {

    @Override
    public Optional<Output> run(List<String> command, Duration timeout) throws InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            p.getOutputStream().close();
            byte[][] out = new byte[1][];
            Thread reader = new Thread(() -> out[0] = readQuietly(p.getInputStream()), "command-output");
            reader.setDaemon(true);
            reader.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            reader.join(timeout.toMillis());
            byte[] bytes = out[0] == null ? new byte[0] : out[0];
            return Optional.of(new Output(p.exitValue(), new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            p.destroyForcibly();
            return Optional.empty();
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    private static byte[] readQuietly(InputStream in) {
        try (in) {
            return in.readNBytes(64 * 1024);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
