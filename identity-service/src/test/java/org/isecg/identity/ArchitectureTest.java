package org.isecg.identity;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.isecg.contracts.CloudEventHeaders;
import org.isecg.contracts.FieldPatterns;
import org.isecg.contracts.agency.AgencyStatus;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shape of identity-service: an issuer that knows nothing of the services it issues tokens for. */
@AnalyzeClasses(packages = "org.isecg.identity", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * Of the Hub's other code only the scope names, the agency code's format and what it reads of the
     * register's events (their type header and the status): the issuer uses no events-starter and serves
     * no WebFlux, so that it runs, and is replaced by an agency's provider, on its own.
     */
    @ArchTest
    static final ArchRule ofTheHubOnlyScopesTheAgencyCodeFormatAndTheAgencyStatus = noClasses()
            .should().dependOnClassesThat(resideInAPackage("org.isecg..")
                    .and(not(resideInAnyPackage("org.isecg.identity..", "org.isecg.web.security")))
                    .and(not(belongToAnyOf(FieldPatterns.class, CloudEventHeaders.class, AgencyStatus.class))));
}
