package nl.kamerqa.localstack.build;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.servlet.http.HttpServletRequest;
import nl.kamerqa.support.ApiKeyDigest;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.bind.annotation.RequestHeader;

import java.security.MessageDigest;

import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * What the three services share comes from service-support, checked once over all three (this module has them all on
 * its class path), so they cannot drift apart again: one way to write a log value, one API-key check, one MongoDB and
 * one Kafka health check.
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
    void servicesLeaveDeclaringTheirTopicsAgainToServiceSupport() {
        noClasses()
                .should().accessTargetWhere(target(name("initialize")).and(target(owner(assignableTo(KafkaAdmin.class)))))
                .because("service-support's TopicDeclaration declares a service's NewTopic beans again until the broker "
                        + "has them as declared")
                .check(SERVICES);
    }

    @Test
    void servicesUseOnlyTheParsersApiPackage() {
        noClasses()
                .should().dependOnClassesThat().resideInAnyPackage("nl.kamerqa.parser.(*)..")
                .because("qa-parser's module exports nl.kamerqa.parser only; its other packages may change in any release")
                .check(SERVICES);
    }

    /**
     * A service states which paths need the key (an {@code ApiKeyRules} bean); reading {@code X-API-Key}, comparing
     * keys and answering a refusal is service-support's Spring Security chain alone, so no service grows its own
     * filter, interceptor or controller check again.
     */
    @Test
    void noServiceChecksTheApiKeyItself() {
        noClasses()
                .should().callMethod(HttpServletRequest.class, "getHeader", String.class)
                .orShould().callMethod(HttpServletRequest.class, "getHeaders", String.class)
                .orShould().dependOnClassesThat().belongToAnyOf(ApiKeyDigest.class)
                .orShould().implement(AuthenticationEntryPoint.class)
                .orShould().implement(AccessDeniedHandler.class)
                .orShould().implement(AuthenticationProvider.class)
                .orShould().implement(SecurityFilterChain.class)
                .because("service-support's ApiKeySecurityAutoConfiguration reads and checks the key for every service")
                .check(SERVICES);
        noMethods().should().haveRawReturnType(SecurityFilterChain.class)
                .because("a service states its ApiKeyRules; the filter chain is service-support's")
                .check(SERVICES);
        methods().should(notTakeTheApiKeyHeader()).check(SERVICES);
    }

    private static ArchCondition<JavaMethod> notTakeTheApiKeyHeader() {
        return new ArchCondition<>("not take the X-API-Key header as a @RequestHeader parameter") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaParameter parameter : method.getParameters()) {
                    parameter.tryGetAnnotationOfType(RequestHeader.class).ifPresent(header -> {
                        String name = header.name().isEmpty() ? header.value() : header.name();
                        if (name.equalsIgnoreCase("X-API-Key")) {
                            events.add(SimpleConditionEvent.violated(method,
                                    method.getFullName() + " takes X-API-Key itself"));
                        }
                    });
                }
            }
        };
    }
}
