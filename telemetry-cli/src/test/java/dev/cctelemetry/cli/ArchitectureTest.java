package dev.cctelemetry.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** The hexagon's rules, checked on every build. */
@AnalyzeClasses(packages = "dev.cctelemetry", importOptions = ArchitectureTest.ProductionCodeOnly.class)
class ArchitectureTest {

    /** The front ends: today the CLI; the dashboard and the MCP server to come. */
    private static final String[] FRONT_ENDS = {"dev.cctelemetry.cli..", "dev.cctelemetry.web..",
        "dev.cctelemetry.mcp.."};
    /** What wires the adapters, and what drives them. */
    private static final String[] ABOVE_ADAPTERS = concat(new String[] {"dev.cctelemetry.app.."}, FRONT_ENDS);

    /** Production classes only: not test-classes folders, not the core test-jar. */
    static final class ProductionCodeOnly implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("/test-classes/") && !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule coreDependsOnlyOnJdkJacksonAndSlf4j = noClasses()
            .that().resideInAPackage("dev.cctelemetry.core..")
            .should().dependOnClassesThat().resideOutsideOfPackages(
                    "dev.cctelemetry.core..", "java..", "javax.annotation..", "com.fasterxml.jackson..",
                    "org.slf4j..")
            .because("core is the hexagon: no Guice, picocli, Logback, JDBC drivers, Commons Exec or adapters");

    @ArchTest
    static final ArchRule coreReadsTimeOnlyThroughAnInjectedClock = noClasses()
            .that().resideInAPackage("dev.cctelemetry.core..")
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("time is a dependency (STYLE.md G6)");

    @ArchTest
    static final ArchRule coreDoesNoNetworkingDatabaseOrProcesses = noClasses()
            .that().resideInAPackage("dev.cctelemetry.core..")
            .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "java.sql..")
            .orShould().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class)
            .because("HTTP, JDBC and processes are adapters' work; core reads bytes and computes");

    @ArchTest
    static final ArchRule coreKeepsItsFileAdaptersApart = noClasses()
            .that().resideInAPackage("dev.cctelemetry.core..")
            .and().resideOutsideOfPackage("dev.cctelemetry.core.adapter..")
            .should().dependOnClassesThat().resideInAPackage("dev.cctelemetry.core.adapter..")
            .because("core's file-backed adapters implement its ports; the domain only knows the ports");

    @ArchTest
    static final ArchRule onlyCoresFileAdaptersLockFiles = noClasses()
            .that().resideInAPackage("dev.cctelemetry.core..")
            .and().resideOutsideOfPackage("dev.cctelemetry.core.adapter.file..")
            .should().dependOnClassesThat().belongToAnyOf(java.nio.channels.FileLock.class);

    @ArchTest
    static final ArchRule coresFileAdaptersImplementPorts = classes()
            .that().resideInAPackage("dev.cctelemetry.core.adapter..").and().areTopLevelClasses()
            .and().areNotInterfaces()
            .should().implement(JavaClass.Predicates.resideInAPackage("dev.cctelemetry.core.port.out.."));

    @ArchTest
    static final ArchRule hooksKnowNoOtherAdapter = adapterIsolated("hooks");
    @ArchTest
    static final ArchRule pollerKnowsNoOtherAdapter = adapterIsolated("poller");
    @ArchTest
    static final ArchRule storeKnowsNoOtherAdapter = adapterIsolated("store");
    @ArchTest
    static final ArchRule notifyKnowsNoOtherAdapter = adapterIsolated("notify");
    @ArchTest
    static final ArchRule unixPlatformKnowsNoOtherAdapter = noClasses()
            .that().resideInAPackage("dev.cctelemetry.platform.unix..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(new String[] {"dev.cctelemetry.platform.windows..",
                "dev.cctelemetry.hooks..", "dev.cctelemetry.poller..", "dev.cctelemetry.store..",
                "dev.cctelemetry.notify.."}, ABOVE_ADAPTERS))
            .allowEmptyShould(true);
    @ArchTest
    static final ArchRule windowsPlatformKnowsNoOtherAdapter = noClasses()
            .that().resideInAPackage("dev.cctelemetry.platform.windows..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(new String[] {"dev.cctelemetry.platform.unix..",
                "dev.cctelemetry.hooks..", "dev.cctelemetry.poller..", "dev.cctelemetry.store..",
                "dev.cctelemetry.notify.."}, ABOVE_ADAPTERS))
            .allowEmptyShould(true);

    /**
     * Front ends ask the application layer for use cases and ports. The quick sync (answered before the injector
     * starts) reads the checkpoints the SQLite ledger publishes: the one front-end class allowed to name a store.
     */
    @ArchTest
    static final ArchRule frontEndsNeverImportStoreOrPlatform = noClasses()
            .that().resideInAnyPackage(FRONT_ENDS)
            .and().doNotBelongToAnyOf(QuickSync.class)
            .should().dependOnClassesThat().resideInAnyPackage("dev.cctelemetry.store..", "dev.cctelemetry.platform..",
                    "dev.cctelemetry.notify..")
            .because("the application layer binds adapters to ports; front ends never see an adapter");

    @ArchTest
    static final ArchRule theApplicationLayerKnowsNoFrontEnd = noClasses()
            .that().resideInAPackage("dev.cctelemetry.app..")
            .should().dependOnClassesThat().resideInAnyPackage(FRONT_ENDS)
            .orShould().dependOnClassesThat().resideInAnyPackage("picocli..", "ch.qos.logback..", "io.javalin..",
                    "java.net.http..")
            .because("telemetry-app serves every front end: no picocli, no Logback, no HTTP (slf4j-api only)");

    @ArchTest
    static final ArchRule inPortsAreCalledOnlyByDrivers = noClasses()
            .that().resideInAnyPackage("dev.cctelemetry.store..", "dev.cctelemetry.platform..", "dev.cctelemetry.notify..")
            .should().dependOnClassesThat().resideInAPackage("dev.cctelemetry.core.port.in..")
            .because("use cases are driven by front ends, the app layer, the hook worker and the daemon;"
                    + " out-adapters only serve them");

    @ArchTest
    static final ArchRule onlyTheAppLayerAndFrontEndsSeeGuice = noClasses()
            .that().resideOutsideOfPackages(concat(new String[] {"dev.cctelemetry.app.."}, FRONT_ENDS))
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..");

    @ArchTest
    static final ArchRule onlyFrontEndsSeePicocliAndLogback = noClasses()
            .that().resideOutsideOfPackages(FRONT_ENDS)
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "ch.qos.logback..");

    @ArchTest
    static final ArchRule onlyFrontEndsTouchStandardStreams = noClasses()
            .that().resideOutsideOfPackages(FRONT_ENDS)
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

    @ArchTest
    static final ArchRule noJavaUtilLogging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule modulesAreFreeOfCycles = slices().matching("dev.cctelemetry.(*)..").should().beFreeOfCycles();

    private static ArchRule adapterIsolated(String name) {
        String[] others = java.util.stream.Stream.of("hooks", "poller", "store", "platform", "notify")
                .filter(n -> !n.equals(name)).map(n -> "dev.cctelemetry." + n + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage("dev.cctelemetry." + name + "..")
                .should().dependOnClassesThat().resideInAnyPackage(concat(others, ABOVE_ADAPTERS))
                .because("adapters never depend on each other, nor on the layers that wire them")
                .allowEmptyShould(true); // a module may hold no classes until its first port lands
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                .toArray(String[]::new);
    }
}
