package nl.kamerqa.ingest;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering of STYLE.md, so later sources (feeds, folder watcher) keep going through DocumentIntake. */
@AnalyzeClasses(packages = "nl.kamerqa.ingest", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_knows_no_adapters = noClasses()
            .that().resideInAPackage("nl.kamerqa.ingest")
            .should().dependOnClassesThat().resideInAnyPackage("nl.kamerqa.ingest.api..",
                    "nl.kamerqa.ingest.messaging..", "nl.kamerqa.ingest.store..",
                    "org.apache.kafka..", "org.springframework.kafka..", "com.mongodb..", "org.bson..",
                    "jakarta.servlet..", "org.springframework.web..");

    @ArchTest
    static final ArchRule web_does_not_touch_kafka_or_mongodb_directly = noClasses()
            .that().resideInAPackage("nl.kamerqa.ingest.api..")
            .should().dependOnClassesThat().resideInAnyPackage("nl.kamerqa.ingest.messaging..",
                    "nl.kamerqa.ingest.store..", "org.apache.kafka..", "org.springframework.kafka..",
                    "com.mongodb..", "org.bson..");

    @ArchTest
    static final ArchRule sources_reach_kafka_and_mongodb_only_through_the_intake_and_their_ports = noClasses()
            .that().resideInAnyPackage("nl.kamerqa.ingest.feed..", "nl.kamerqa.ingest.folder..")
            .should().dependOnClassesThat().resideInAnyPackage("nl.kamerqa.ingest.api..",
                    "nl.kamerqa.ingest.messaging..", "nl.kamerqa.ingest.store..",
                    "org.apache.kafka..", "org.springframework.kafka..", "com.mongodb..", "org.bson..",
                    "jakarta.servlet..", "org.springframework.web..");

    @ArchTest
    static final ArchRule sources_publish_only_through_the_intake = noClasses()
            .that().resideInAnyPackage("nl.kamerqa.ingest.feed..", "nl.kamerqa.ingest.folder..")
            .should().dependOnClassesThat().haveSimpleName("RawDocumentPublisher")
            .orShould().dependOnClassesThat().haveSimpleName("IngestedDocuments");
}
