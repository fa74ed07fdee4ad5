package dev.cctelemetry.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
    static final ArchRule hooksKnowNoOtherAdapter = adapterIsolated("hooks");
    @ArchTest
    static final ArchRule pollerKnowsNoOtherAdapter = adapterIsolated("poller");
    @ArchTest
    static final ArchRule storeKnowsNoOtherAdapter = adapterIsolated("store");
    @ArchTest
    static final ArchRule unixPlatformKnowsNoOtherAdapter = noClasses()
            .that().resideInAPackage("dev.cctelemetry.platform.unix..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cctelemetry.platform.windows..",
                    "dev.cctelemetry.hooks..", "dev.cctelemetry.poller..", "dev.cctelemetry.store..",
                    "dev.cctelemetry.cli..")
            .allowEmptyShould(true);
    @ArchTest
    static final ArchRule windowsPlatformKnowsNoOtherAdapter = noClasses()
            .that().resideInAPackage("dev.cctelemetry.platform.windows..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cctelemetry.platform.unix..",
                    "dev.cctelemetry.hooks..", "dev.cctelemetry.poller..", "dev.cctelemetry.store..",
                    "dev.cctelemetry.cli..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheCliSeesGuicePicocliAndLogback = noClasses()
            .that().resideOutsideOfPackage("dev.cctelemetry.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "picocli..",
                    "ch.qos.logback..");

    @ArchTest
    static final ArchRule onlyTheCliTouchesStandardStreams = noClasses()
            .that().resideOutsideOfPackage("dev.cctelemetry.cli..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

    @ArchTest
    static final ArchRule noJavaUtilLogging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule modulesAreFreeOfCycles = slices().matching("dev.cctelemetry.(*)..").should().beFreeOfCycles();

    private static ArchRule adapterIsolated(String name) {
        String[] others = java.util.stream.Stream.of("hooks", "poller", "store", "platform", "cli")
                .filter(n -> !n.equals(name)).map(n -> "dev.cctelemetry." + n + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage("dev.cctelemetry." + name + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("adapters never depend on each other; only the CLI wires them")
                .allowEmptyShould(true); // a module may hold no classes until its first port lands
    }
}
