package org.isecg.agency;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.isecg.agency.register.Agency;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shape of agency-service: plain-Java domain, no reach into other services, controllers as entry points only. */
@AnalyzeClasses(packages = "org.isecg.agency", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theDomainIsPlainJava = noClasses()
            .that().belongToAnyOf(Agency.class).or().haveSimpleName("Violation")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.isecg.support..",
                    "jakarta..", "tools.jackson..", "com.mongodb..", "org.bson..");

    @ArchTest
    static final ArchRule noClassReachesIntoAnotherService = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.isecg.roadmap..", "org.isecg.standards..", "org.isecg.notification..", "org.isecg.gateway..");

    @ArchTest
    static final ArchRule controllersAreOnlyEntryPoints = noClasses()
            .that().areNotAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAnnotatedWith(RestController.class);
}
