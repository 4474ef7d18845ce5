package nl.kamerqa.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.kamerqa.query");

    @Test
    void httpLayerDoesNotTouchMongoDbDirectly() {
        noClasses().that().resideInAPackage("..query.api..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..")
                .check(classes);
    }

    @Test
    void searchAndIndexDoNotDependOnTheHttpLayer() {
        noClasses().that().resideInAnyPackage("..query.search..", "..query.index..")
                .should().dependOnClassesThat().resideInAPackage("..query.api..")
                .check(classes);
    }

    @Test
    void httpLayerDoesNotTouchLuceneDirectly() {
        noClasses().that().resideInAPackage("..query.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..")
                .check(classes);
    }

    @Test
    void storeDoesNotDependOnTheHttpLayer() {
        noClasses().that().resideInAPackage("..query.store..")
                .should().dependOnClassesThat().resideInAPackage("..query.api..")
                .check(classes);
    }

    @Test
    void onlyTheStreamAndTheIndexFeederTalkToKafka() {
        noClasses().that().resideOutsideOfPackages("..query.stream..", "..query.index..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
                .check(classes);
    }
}
