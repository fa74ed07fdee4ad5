package dev.cctelemetry.cli;

import dev.cctelemetry.app.ProcessContext;
import dev.cctelemetry.app.TelemetryEnvironment;
import dev.cctelemetry.app.doctor.PostgresStoreProbe;
import dev.cctelemetry.app.doctor.StoreProbe;
import dev.cctelemetry.app.hooks.RunningJar;
import dev.cctelemetry.app.layout.InstallLayout;
import dev.cctelemetry.app.platform.Platform;
import dev.cctelemetry.app.platform.PlatformAdapters;
import dev.cctelemetry.app.sync.SyncLockGate;
import dev.cctelemetry.cli.hook.HookSyncLog;
import dev.cctelemetry.core.port.out.Detacher;
import dev.cctelemetry.core.port.out.HookScriptRenderer;
import dev.cctelemetry.core.port.out.ServiceInstaller;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;

/**
 * Builds a command and what it depends on by calling their {@code @Inject} constructors, without starting Guice:
 * Guice's own start (its classes, {@code java.util.logging}, checking every module's bindings) took 120-250 ms of
 * every command's start, most of the 120 ms a whole short command may take. Only graphs made of nothing but
 * concrete classes with one {@code @Inject} constructor, the process's own values (environment, clock, layout,
 * platform, sync gate, hook log), the platform's adapters ({@link PlatformAdapters}, as the platform module
 * provides them), the running jar, and the one port a module links to a class ({@link StoreProbe}) are built here;
 * {@link Main} gives any command whose graph holds something else (another interface or provider, a qualifier, a
 * {@code Provider<T>}) to the Guice injector, the reference. {@code DirectWiringTest} holds every graph built here
 * equal, class by class and scope by scope, to the bindings of the strict Guice injector, so a binding changed in
 * a module cannot be silently bypassed.
 *
 * <p>Scopes as in Guice: a new instance for every dependency, one per wiring for a class annotated
 * {@code @Singleton}.
 */
final class DirectWiring implements CommandLine.IFactory {

    /**
     * Ports a module links to a concrete class ({@code bind(port).to(class)}): built as that class. Each one is
     * compared with the module's binding by {@code DirectWiringTest}.
     */
    static final Map<Class<?>, Class<?>> LINKS = Map.of(StoreProbe.class, PostgresStoreProbe.class);

    /**
     * Ports a module binds to a provider: made by {@link #provide}, a new one for each dependency as the unscoped
     * provider makes them.
     */
    static final Set<Class<?>> PROVIDED = Set.of(Detacher.class, HookScriptRenderer.class, ServiceInstaller.class,
            RunningJar.class);

    private final Map<Class<?>, Object> values;
    private final PlatformAdapters adapters;
    private final Class<?> entryPoint;
    private final Map<Class<?>, Object> singletons = new HashMap<>();
    /** Each class's plan: the constructor to call, or empty when the class cannot be built here. */
    private final Map<Class<?>, Optional<Constructor<?>>> plans = new HashMap<>();

    private DirectWiring(Map<Class<?>, Object> values, ProcessContext context) {
        this.values = Map.copyOf(values);
        this.adapters = new PlatformAdapters(context.platform());
        this.entryPoint = context.entryPoint();
    }

    /** The wiring of a process: the values the application's and the CLI's modules bind as instances. */
    static DirectWiring of(ProcessContext context, HookSyncLog hookLog) {
        return new DirectWiring(Map.of(ProcessContext.class, context, TelemetryEnvironment.class,
                context.environment(), Clock.class, context.clock(), InstallLayout.class, context.environment().layout(),
                Platform.class, context.platform(), SyncLockGate.class, context.gate(), HookSyncLog.class, hookLog),
                context);
    }

    /** The process values, by the class they are bound to (for the test that compares them with Guice's). */
    Map<Class<?>, Object> values() {
        return values;
    }

    /** Whether every one of {@code types} can be built here without building any of {@code excluded}. */
    boolean canBuildAll(List<Class<?>> types, Set<Class<?>> excluded) {
        for (Class<?> type : types) {
            Optional<Set<Class<?>>> graph = graph(type);
            if (graph.isEmpty() || graph.get().stream().anyMatch(excluded::contains)
                    || values.keySet().stream().anyMatch(excluded::contains)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code type} and everything it depends on can be built here. */
    boolean canBuild(Class<?> type) {
        return graph(type).isPresent();
    }

    /**
     * Every class that building {@code type} constructs or asks for (the process values left out; the provided
     * ports and linked ports included, each linked port followed by its class), or empty when some class in the
     * graph cannot be built here. Reflection only: nothing is constructed.
     */
    Optional<Set<Class<?>>> graph(Class<?> type) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        return collect(type, seen, new LinkedHashSet<>()) ? Optional.of(seen) : Optional.empty();
    }

    private boolean collect(Class<?> type, Set<Class<?>> seen, Set<Class<?>> path) {
        if (values.containsKey(type) || seen.contains(type)) {
            return true;
        }
        if (PROVIDED.contains(type)) {
            seen.add(type);
            return true;
        }
        Class<?> linked = LINKS.get(type);
        if (linked != null) {
            seen.add(type);
            return collect(linked, seen, path);
        }
        Optional<Constructor<?>> plan = plan(type);
        if (plan.isEmpty() || !path.add(type)) {
            return false; // not buildable here, or a cycle (which strict Guice refuses too)
        }
        for (Class<?> dependency : plan.get().getParameterTypes()) {
            if (!collect(dependency, seen, path)) {
                return false;
            }
        }
        path.remove(type);
        seen.add(type);
        return true;
    }

    /** Whether {@code type} is kept once per wiring, as Guice keeps a class annotated {@code @Singleton}. */
    static boolean singleton(Class<?> type) {
        return type.isAnnotationPresent(jakarta.inject.Singleton.class)
                || type.isAnnotationPresent(com.google.inject.Singleton.class);
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (!canBuild(type)) {
            // picocli's own helpers (converters, mixins, help) and commands without dependencies
            return CommandLine.defaultFactory().create(type);
        }
        return build(type);
    }

    private <K> K build(Class<K> type) {
        Object value = values.get(type);
        if (value != null) {
            return type.cast(value);
        }
        if (PROVIDED.contains(type)) {
            return type.cast(provide(type));
        }
        Class<?> linked = LINKS.get(type);
        if (linked != null) {
            return type.cast(build(linked));
        }
        boolean keep = singleton(type);
        if (keep && singletons.containsKey(type)) {
            return type.cast(singletons.get(type));
        }
        Constructor<?> constructor = plan(type).orElseThrow();
        Class<?>[] parameters = constructor.getParameterTypes();
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            arguments[i] = build(parameters[i]);
        }
        K built;
        try {
            built = type.cast(constructor.newInstance(arguments));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("cannot build " + type.getName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
        if (keep) {
            singletons.put(type, built);
        }
        return built;
    }

    /** A new instance of one of the {@link #PROVIDED} ports, as the module's provider makes it. */
    private Object provide(Class<?> port) {
        if (port == Detacher.class) {
            return adapters.detacher();
        }
        if (port == HookScriptRenderer.class) {
            return adapters.hookScriptRenderer();
        }
        if (port == ServiceInstaller.class) {
            return adapters.serviceInstaller();
        }
        if (port == RunningJar.class) {
            return RunningJar.containing(entryPoint);
        }
        throw new IllegalArgumentException("not a provided port: " + port.getName());
    }

    /** The constructor that builds {@code type} here, empty when it is not built here. */
    Optional<Constructor<?>> plan(Class<?> type) {
        return plans.computeIfAbsent(type, DirectWiring::injectConstructor);
    }

    /**
     * The one {@code @Inject} constructor of a concrete top-level or static nested class whose parameters are
     * plain classes without qualifiers; empty for anything else (Guice's to build).
     */
    private static Optional<Constructor<?>> injectConstructor(Class<?> type) {
        if (type.isInterface() || type.isPrimitive() || type.isArray() || Modifier.isAbstract(type.getModifiers())
                || type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            return Optional.empty();
        }
        Constructor<?> found = null;
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (c.isAnnotationPresent(jakarta.inject.Inject.class)
                    || c.isAnnotationPresent(com.google.inject.Inject.class)) {
                if (found != null) {
                    return Optional.empty();
                }
                found = c;
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        Type[] generic = found.getGenericParameterTypes();
        if (generic.length != found.getParameterCount()) {
            return Optional.empty(); // an inner or synthetic signature: not ours to guess
        }
        for (int i = 0; i < generic.length; i++) {
            if (!(generic[i] instanceof Class<?>) || found.getParameterAnnotations()[i].length > 0) {
                return Optional.empty();
            }
        }
        found.setAccessible(true);
        return Optional.of(found);
    }
}
