package org.isecg.standards;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.isecg.standards.catalogue.Standard;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shape of standards-service: plain-Java domain, no reach into other services, controllers as entry points only. */
@AnalyzeClasses(packages = "org.isecg.standards", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theDomainIsPlainJava = noClasses()
            .that().belongToAnyOf(Standard.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.isecg.support..",
                    "jakarta..", "tools.jackson..", "com.mongodb..", "org.bson..");

    @ArchTest
    static final ArchRule noClassReachesIntoAnotherService = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.isecg.agency..", "org.isecg.roadmap..", "org.isecg.notification..", "org.isecg.gateway..");

    @ArchTest
    static final ArchRule controllersAreOnlyEntryPoints = noClasses()
            .that().areNotAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAnnotatedWith(RestController.class);
}
