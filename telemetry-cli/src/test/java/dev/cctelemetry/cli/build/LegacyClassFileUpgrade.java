package dev.cctelemetry.cli.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * A build step on the shaded jar (exec-maven-plugin, {@code package} phase, after the shade plugin): rewrites the
 * class files older than Java 6 that some libraries still ship (picocli targets Java 5; so do Guice's repackaged
 * ASM and AOP Alliance) as Java 8 class files with stack map frames.
 *
 * <p>Why: the JVM's class-data archive, which the launcher uses to start fast, leaves such old classes out, so every
 * start loaded and verified picocli's classes from the jar again, about 55 ms of a 330 ms {@code sync} with nothing
 * new (measured side by side). The code is not changed, only the version and the frames that version requires
 * (computed by ASM); every rewritten class is then checked by ASM's bytecode verifier, and any problem fails the
 * build. Running it again changes nothing.
 */
public final class LegacyClassFileUpgrade {

    /** Class file major version of Java 6, the first one the archive takes. */
    private static final int ARCHIVABLE = 50;

    private LegacyClassFileUpgrade() {
    }

    /** {@code args[0]}: the jar to rewrite in place. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: LegacyClassFileUpgrade <jar>");
        }
        // Silent on success, so that `./mvnw -q` (the launcher's first build) stays quiet; ShadedJarIT checks it.
        upgrade(Path.of(args[0]));
    }

    /** Rewrites {@code jar} in place; returns how many classes were rewritten per top-level package. */
    static Map<String, Integer> upgrade(Path jar) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        Path tmp = jar.resolveSibling(jar.getFileName() + ".upgrading");
        try (ZipFile zip = new ZipFile(jar.toFile());
                URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                        ClassLoader.getPlatformClassLoader());
                OutputStream file = Files.newOutputStream(tmp);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readAllBytes();
                }
                if (isLegacyClass(e, bytes)) {
                    bytes = upgradeClass(e.getName(), bytes, classes);
                    counts.merge(e.getName().substring(0, Math.max(0, e.getName().indexOf('/'))), 1, Integer::sum);
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        if (counts.isEmpty()) {
            Files.delete(tmp);
        } else {
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return counts;
    }

    private static boolean isLegacyClass(ZipEntry e, byte[] bytes) {
        return e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/") && bytes.length > 8
                && ((bytes[6] & 0xff) << 8 | (bytes[7] & 0xff)) < ARCHIVABLE;
    }

    private static byte[] upgradeClass(String name, byte[] bytes, ClassLoader classes) {
        // Frames are computed from the class hierarchy, so the writer must see the jar's classes.
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return classes;
            }
        };
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String className, String signature, String superName,
                    String[] interfaces) {
                super.visit(Opcodes.V1_8, access, className, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        byte[] upgraded = writer.toByteArray();
        StringWriter problems = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(upgraded), classes, false, new PrintWriter(problems));
        if (!problems.toString().isBlank()) {
            throw new IllegalStateException("rewritten " + name + " does not verify:\n" + problems);
        }
        return upgraded;
    }
}
