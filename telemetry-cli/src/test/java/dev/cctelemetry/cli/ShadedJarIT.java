package dev.cctelemetry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The runnable jar as shipped: every class can come from the launcher's class-data archive. */
class ShadedJarIT {

    @Test
    void noClassFileIsOlderThanJava6SoTheClassDataArchiveTakesThemAll() throws IOException {
        List<String> old = new ArrayList<>();
        int classes = 0;
        try (ZipFile jar = new ZipFile(JarProcess.jar().toFile())) {
            Enumeration<? extends ZipEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (!e.getName().endsWith(".class") || e.getName().startsWith("META-INF/")) {
                    continue;
                }
                classes++;
                byte[] head;
                try (InputStream in = jar.getInputStream(e)) {
                    head = in.readNBytes(8);
                }
                int major = (head[6] & 0xff) << 8 | (head[7] & 0xff);
                if (major < 50) {
                    old.add(e.getName() + " (" + major + ")");
                }
            }
        }
        assertThat(classes).isGreaterThan(1000);
        assertThat(old).as("class files the archive would leave out").isEmpty();
    }
}
