package dev.cctelemetry.app.daemon;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;

/**
 * SIGTERM caught by the daemon itself, so that a service manager's stop ends it like any finished command: the
 * loop stops at a commit boundary, {@code daemon} returns and the process exits 0. Left to the JVM, SIGTERM runs the
 * shutdown hooks and exits 143, which systemd's {@code Restart=on-failure} and launchd's {@code KeepAlive} count as
 * a failure (issue 19.11). Uses {@code sun.misc.Signal} (module {@code jdk.unsupported}, on every JDK) reflectively:
 * naming it in source makes javac warn, and the build treats warnings as errors.
 */
final class TermSignal implements AutoCloseable {

    private final Class<?> signalClass;
    private final Class<?> handlerClass;
    private final Object signal;
    private final Object previous;

    private TermSignal(Class<?> signalClass, Class<?> handlerClass, Object signal, Object previous) {
        this.signalClass = signalClass;
        this.handlerClass = handlerClass;
        this.signal = signal;
        this.previous = previous;
    }

    /**
     * Runs {@code onTerm} (on the JVM's signal thread) when SIGTERM arrives, until closed.
     *
     * @return empty when this JVM offers no way to catch it; SIGTERM then goes through the shutdown hooks
     */
    static Optional<TermSignal> catching(Runnable onTerm) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object signal = signalClass.getConstructor(String.class).newInstance("TERM");
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            onTerm.run();
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "cc-telemetry daemon SIGTERM handler";
                    });
            Object previous = handle(signalClass, handlerClass).invoke(null, signal, handler);
            return Optional.of(new TermSignal(signalClass, handlerClass, signal, previous));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static Method handle(Class<?> signalClass, Class<?> handlerClass) throws NoSuchMethodException {
        return signalClass.getMethod("handle", signalClass, handlerClass);
    }

    /** Puts the JVM's own handling back. */
    @Override
    public void close() {
        try {
            handle(signalClass, handlerClass).invoke(null, signal, previous);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // the process is ending anyway; the JVM's handler only matters for a later SIGTERM
        }
    }
}
