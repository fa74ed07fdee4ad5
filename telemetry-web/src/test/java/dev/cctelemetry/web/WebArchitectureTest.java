package dev.cctelemetry.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The dashboard is a front end: it reads through core's ports (and the application layer), never a store or a
 * platform adapter, and writes nothing to the standard streams but what the command hands it.
 */
@AnalyzeClasses(packages = "dev.cctelemetry.web", importOptions = ImportOption.DoNotIncludeTests.class)
class WebArchitectureTest {

    @ArchTest
    static final ArchRule onlyPortsAndLibraries = classes().that().resideInAPackage("dev.cctelemetry.web..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.cctelemetry.web..", "dev.cctelemetry.core..",
                    "dev.cctelemetry.app..", "java..", "javax.annotation..", "io.javalin..", "org.eclipse.jetty..",
                    "com.fasterxml.jackson..", "org.slf4j..", "kotlin..", "jakarta.inject..", "jakarta.servlet..",
                    "com.google.inject..", "io.prometheus..")
            .because("front ends read through ports; stores and platforms are bound by the application layer");

    @ArchTest
    static final ArchRule noStoreOrPlatform = noClasses().that().resideInAPackage("dev.cctelemetry.web..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cctelemetry.store..", "dev.cctelemetry.platform..");

    @ArchTest
    static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
}
