package nl.kamerqa.parsing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The package roles of STYLE.md, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.kamerqa.parsing");

    @Test
    void domainClassesUseNoFrameworkKafkaOrMongoDb() {
        noClasses().that().resideInAPackage("nl.kamerqa.parsing")
                .and().doNotHaveSimpleName("ParsingApplication")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..")
                .check(CLASSES);
    }

    @Test
    void storeDoesNotTouchKafka() {
        noClasses().that().resideInAPackage("..parsing.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                        "nl.kamerqa.parsing.messaging..")
                .check(CLASSES);
    }

    @Test
    void httpLayerTouchesNeitherKafkaNorMongoDb() {
        noClasses().that().resideInAPackage("..parsing.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                        "com.mongodb..", "org.bson..", "nl.kamerqa.parsing.messaging..", "nl.kamerqa.parsing.store..")
                .check(CLASSES);
    }

    @Test
    void messagingDoesNotTouchMongoDb() {
        noClasses().that().resideInAPackage("..parsing.messaging..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..",
                        "nl.kamerqa.parsing.store..")
                .check(CLASSES);
    }
}
