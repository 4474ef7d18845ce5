package nl.kamerqa.localstack.build;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * What the three services share comes from service-support, checked once over all three (this module has them all on
 * its class path), so they cannot drift apart again: one way to write a log value, one API-key comparison, one
 * MongoDB and one Kafka health check.
 */
class ServiceKitTest {

    private static final JavaClasses SERVICES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.kamerqa.ingest", "nl.kamerqa.parsing", "nl.kamerqa.query");

    @Test
    void servicesTakeLogValuesKeyComparisonAndHealthChecksFromServiceSupport() {
        noClasses()
                .should().haveSimpleName("LogValues")
                .orShould().callMethod(MessageDigest.class, "isEqual", byte[].class, byte[].class)
                .orShould().haveNameMatching(".*\\.(Mongo|Kafka)\\w*HealthIndicator")
                .because("service-support holds them (LogValues, ApiKeyDigest, the mongo and kafka health indicators)")
                .check(SERVICES);
    }

    @Test
    void servicesUseOnlyTheParsersApiPackage() {
        noClasses()
                .should().dependOnClassesThat().resideInAnyPackage("nl.kamerqa.parser.(*)..")
                .because("qa-parser's module exports nl.kamerqa.parser only; its other packages may change in any release")
                .check(SERVICES);
    }
}
