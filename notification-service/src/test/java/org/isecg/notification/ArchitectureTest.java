package org.isecg.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shape of notification-service: overlap rules in plain Java, no reach into other services. */
@AnalyzeClasses(packages = "org.isecg.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule detectionIsPlainJava = noClasses()
            .that().resideInAPackage("org.isecg.notification.detection..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.isecg.support..",
                    "jakarta..", "tools.jackson..", "com.mongodb..", "org.bson..", "reactor..", "io.micrometer..");

    @ArchTest
    static final ArchRule detectionKnowsNothingOfItsAdapters = noClasses()
            .that().resideInAPackage("org.isecg.notification.detection..")
            .should().dependOnClassesThat().resideInAnyPackage("org.isecg.notification.overlap..",
                    "org.isecg.notification.plans..", "org.isecg.notification.inbox..", "org.isecg.notification.config..");

    @ArchTest
    static final ArchRule noClassReachesIntoAnotherService = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.isecg.agency..", "org.isecg.roadmap..", "org.isecg.standards..", "org.isecg.gateway..");

    @ArchTest
    static final ArchRule controllersAreOnlyEntryPoints = noClasses()
            .that().areNotAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAnnotatedWith(RestController.class);
}
