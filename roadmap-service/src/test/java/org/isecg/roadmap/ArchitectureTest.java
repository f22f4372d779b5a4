package org.isecg.roadmap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.isecg.roadmap.plan.RoadmapPlan;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shape of roadmap-service: plain-Java rules, replicas that know nothing of plans, no reach into other services. */
@AnalyzeClasses(packages = "org.isecg.roadmap", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theDomainIsPlainJava = noClasses()
            .that().belongToAnyOf(RoadmapPlan.class)
            .or().haveFullyQualifiedName("org.isecg.roadmap.plan.PlanRules")
            .or().haveFullyQualifiedName("org.isecg.roadmap.plan.PlanRules$Known")
            .or().haveFullyQualifiedName("org.isecg.roadmap.plan.Violation")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.isecg.support..",
                    "jakarta..", "tools.jackson..", "com.mongodb..", "org.bson..", "reactor..");

    @ArchTest
    static final ArchRule theReplicasKnowNothingOfPlans = noClasses()
            .that().resideInAPackage("org.isecg.roadmap.replica..")
            .should().dependOnClassesThat().resideInAPackage("org.isecg.roadmap.plan..");

    @ArchTest
    static final ArchRule noClassReachesIntoAnotherService = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.isecg.agency..", "org.isecg.standards..", "org.isecg.notification..", "org.isecg.gateway..");

    @ArchTest
    static final ArchRule controllersAreOnlyEntryPoints = noClasses()
            .that().areNotAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAnnotatedWith(RestController.class);
}
