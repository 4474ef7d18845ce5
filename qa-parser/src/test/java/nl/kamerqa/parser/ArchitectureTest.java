package nl.kamerqa.parser;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** qa-parser is a plain library: the services bring the frameworks, not the parser. */
class ArchitectureTest {

    private static final JavaClasses PARSER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("nl.kamerqa.parser");

    @Test
    void qaParserDoesNotUseSpring() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..")
                .check(PARSER);
    }

    @Test
    void onlyTheCliTouchesJson() {
        noClasses().that().resideOutsideOfPackage("nl.kamerqa.parser.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..")
                .check(PARSER);
    }
}
