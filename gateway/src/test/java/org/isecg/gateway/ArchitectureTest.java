package org.isecg.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The gateway owns no data and does no service's work: it knows neither the services nor the events
 * starter; of the shared code it uses only the web starter. {@link ClasspathTest} checks the same of
 * its dependencies.
 */
@AnalyzeClasses(packages = "org.isecg.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theGatewayKnowsNoService = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.isecg.agency..", "org.isecg.roadmap..",
                    "org.isecg.standards..", "org.isecg.notification..", "org.isecg.events..", "org.isecg.contracts..");

    @ArchTest
    static final ArchRule theGatewayStoresAndConsumesNothing = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data..", "com.mongodb..",
                    "org.apache.kafka..", "org.springframework.kafka..", "org.springframework.cloud.stream..");
}
