package nl.kamerqa.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.kamerqa.contracts.OfficialMetadata;
import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.ingest.config.KamerqaProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The intake's rules with in-memory ports; the Kafka and MongoDB adapters are covered by the integration test. */
class DocumentIntakeTest {

    private static final Instant NOW = Instant.parse("2024-03-01T10:15:30Z");

    private final List<RawDocument> published = new ArrayList<>();
    private final InMemoryIngestedDocuments ledger = new InMemoryIngestedDocuments();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private RuntimeException publishFailure;

    private final RawDocumentPublisher publisher = document -> {
        if (publishFailure != null) {
            throw publishFailure;
        }
        published.add(document);
    };

    private final DocumentIntake intake = new DocumentIntake(publisher, ledger, new IngestMetrics(registry),
            Clock.fixed(NOW, ZoneOffset.UTC), properties(DataSize.ofKilobytes(1)));

    private static IncomingDocument feed(String source, byte[] content, String documentId) {
        return new IncomingDocument(source, content, null, "application/pdf", null, null, documentId,
                Map.of("documenttype", "Antwoord schriftelijke vragen"), true);
    }

    static KamerqaProperties properties(DataSize maxDocumentSize) {
        return new KamerqaProperties(new KamerqaProperties.Topics("raw", "raw.DLT", 3, (short) 1),
                new KamerqaProperties.Ingest(maxDocumentSize, Duration.ofSeconds(5), Duration.ofSeconds(30),
                        Duration.ofSeconds(5), URI.create("http://localhost:8083"),
                        new KamerqaProperties.Batch(100, DataSize.ofMegabytes(64), 16)));
    }

    private static IncomingDocument upload(byte[] content, String filename, String documentId) {
        return new IncomingDocument("upload", content, filename, "text/plain; charset=UTF-8",
                "https://zoek.officielebekendmakingen.nl/kst-36200-VII-147.html", "Antwoorden", documentId,
                Map.of("dossier", "36200-VII"));
    }

    /** Over all reasons. */
    private double count(String outcome) {
        return registry.get(IngestMetrics.DOCUMENTS).tag("source", "upload").tag("outcome", outcome).counters()
                .stream().mapToDouble(Counter::count).sum();
    }

    private double rejected(String reason) {
        return registry.get(IngestMetrics.DOCUMENTS).tag("source", "upload").tag("outcome", "rejected")
                .tag("reason", reason).counter().count();
    }

    private double received() {
        return registry.get(IngestMetrics.RECEIVED).tag("source", "upload").counter().count();
    }

    @Test
    void newContentIsPublishedWithEverythingTheSourceSaid() {
        byte[] content = "Vraag 1\nAntwoord vraag 1".getBytes(StandardCharsets.UTF_8);

        IntakeResult result = intake.accept(upload(content, "kst-36200-VII-147.txt", null));

        String sha = DocumentIntake.sha256Hex(content);
        assertThat(result).isEqualTo(new IntakeResult("kst-36200-VII-147", sha, "text/plain",
                IntakeResult.Status.ACCEPTED));
        assertThat(published).singleElement().satisfies(raw -> {
            assertThat(raw.schemaVersion()).isEqualTo(RawDocument.SCHEMA_VERSION);
            assertThat(raw.documentId()).isEqualTo("kst-36200-VII-147");
            assertThat(raw.contentSha256()).isEqualTo(sha);
            assertThat(raw.contentType()).isEqualTo("text/plain");
            assertThat(raw.source()).isEqualTo("upload");
            assertThat(raw.sourceUrl()).isEqualTo("https://zoek.officielebekendmakingen.nl/kst-36200-VII-147.html");
            assertThat(raw.title()).isEqualTo("Antwoorden");
            assertThat(raw.receivedAt()).isEqualTo("2024-03-01T10:15:30Z");
            assertThat(raw.metadata()).containsEntry("filename", "kst-36200-VII-147.txt")
                    .containsEntry("declaredContentType", "text/plain; charset=UTF-8")
                    .containsEntry("dossier", "36200-VII")
                    .doesNotContainKey("declaredDocumentId");
            assertThat(raw.content()).isEqualTo(content);
        });
        assertThat(ledger.get(sha)).isEqualTo(new IngestedDocument(sha, "kst-36200-VII-147", "upload",
                "https://zoek.officielebekendmakingen.nl/kst-36200-VII-147.html", "Antwoorden", "text/plain",
                content.length, NOW));
        assertThat(count("accepted")).isEqualTo(1);
    }

    @Test
    void registerMetadataOfAFeedDocumentIsCarriedOnTheRawDocumentAndAnUploadHasNone() {
        OfficialMetadata official = new OfficialMetadata("ah-tk-20202021-3235", "Kamervragen (Aanhangsel)", "Antwoord",
                null, "2020-2021", null, null, "3235", "2021Z09739", List.of("H. Kat"), List.of("W. Koolmees"), null,
                "2021-06-21", "2021-06-21");
        byte[] content = "Vraag 1\nAntwoord vraag 1".getBytes(StandardCharsets.UTF_8);

        intake.accept(new IncomingDocument("sru", content, null, null, null, null, "ah-tk-20202021-3235", Map.of(),
                true, official));
        intake.accept(upload("Vraag 2".getBytes(StandardCharsets.UTF_8), "kst-36200-VII-147.txt", null));

        assertThat(published).extracting(RawDocument::official).containsExactly(official, null);
    }

    @Test
    void sameContentUnderAnotherNameIsADuplicateOfTheFirstId() {
        byte[] content = Samples.uniqueKamervragenText();
        intake.accept(upload(content, "kst-36200-VII-147.txt", null));

        IntakeResult again = intake.accept(upload(content, "kopie.txt", "ah-tk-20222023-1234"));

        assertThat(again.status()).isEqualTo(IntakeResult.Status.DUPLICATE);
        assertThat(again.documentId()).isEqualTo("kst-36200-VII-147");
        assertThat(published).hasSize(1);
        assertThat(count("accepted")).isEqualTo(1);
        assertThat(count("duplicate")).isEqualTo(1);
    }

    @Test
    void unofficialDeclaredIdIsKeptAsMetadataButNotUsed() {
        byte[] content = Samples.uniqueKamervragenText();

        IntakeResult result = intake.accept(upload(content, null, "mijn-document"));

        assertThat(result.documentId()).isEqualTo("sha256:" + DocumentIntake.sha256Hex(content));
        assertThat(published.get(0).metadata()).containsEntry("declaredDocumentId", "mijn-document");
    }

    @Test
    void failedPublicationLeavesNoLedgerEntrySoARetryIsPublished() {
        byte[] content = Samples.uniqueKamervragenText();
        publishFailure = new IntakeUnavailableException("broker away", null);

        assertThatThrownBy(() -> intake.accept(upload(content, null, null)))
                .isInstanceOf(IntakeUnavailableException.class);
        assertThat(ledger.isEmpty()).isTrue();
        assertThat(count("failed")).isEqualTo(1);

        publishFailure = null;
        assertThat(intake.accept(upload(content, null, null)).status()).isEqualTo(IntakeResult.Status.ACCEPTED);
        assertThat(published).hasSize(1);
    }

    @Test
    void ledgerFailureAfterPublicationStillAnswersAccepted() {
        ledger.failWritesWith(new IntakeUnavailableException("store away", null));

        IntakeResult result = intake.accept(upload(Samples.uniqueKamervragenText(), null, null));

        assertThat(result.status()).isEqualTo(IntakeResult.Status.ACCEPTED);
        assertThat(published).hasSize(1);
    }

    @Test
    void emptyDocumentIsRejectedAndCounted() {
        assertThatThrownBy(() -> intake.accept(IncomingDocument.of("upload", new byte[0])))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DocumentRejectedException.Reason.EMPTY));
        assertThat(count("rejected")).isEqualTo(1);
        assertThat(rejected("empty")).isEqualTo(1);
        assertThat(published).isEmpty();
    }

    @Test
    void everyRejectionIsCountedUnderItsReason() {
        byte[] tooBig = new byte[1025];
        IncomingDocument badUrl = new IncomingDocument("upload", Samples.uniqueKamervragenText(), null, null,
                "javascript:alert(1)", null, null, null);

        for (IncomingDocument refused : List.of(IncomingDocument.of("upload", tooBig),
                IncomingDocument.of("upload", Samples.pngImage()), badUrl)) {
            assertThatThrownBy(() -> intake.accept(refused)).isInstanceOf(DocumentRejectedException.class);
        }

        assertThat(rejected("too_large")).isEqualTo(1);
        assertThat(rejected("unsupported_type")).isEqualTo(1);
        assertThat(rejected("invalid_metadata")).isEqualTo(1);
        assertThat(rejected("empty")).isZero();
        assertThat(rejected("unauthorized")).as("registered up front, counted by the HTTP layer only").isZero();
    }

    @Test
    void receivedEqualsTheSumOfAllOutcomes() {
        byte[] content = Samples.uniqueKamervragenText();
        intake.accept(upload(content, null, null));
        intake.accept(upload(content, null, null));
        assertThatThrownBy(() -> intake.accept(IncomingDocument.of("upload", new byte[0])));
        publishFailure = new IntakeUnavailableException("broker away", null);
        assertThatThrownBy(() -> intake.accept(upload(Samples.uniqueKamervragenText(), null, null)));

        assertThat(received()).isEqualTo(4);
        assertThat(count("accepted") + count("duplicate") + count("rejected") + count("failed")).isEqualTo(4);
        assertThat(count("accepted")).isEqualTo(1);
        assertThat(count("failed")).isEqualTo(1);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void eachStageOfADocumentIsLoggedOnceWithItsIdAndOutcome(CapturedOutput output) {
        byte[] content = Samples.uniqueKamervragenText();
        String sha = DocumentIntake.sha256Hex(content);
        MDC.put(DocumentIntake.MDC_DOCUMENT_ID, "outer");

        intake.accept(upload(content, "kst-36200-VII-147.txt", null));
        intake.accept(upload(content, "kopie.txt", null));
        assertThatThrownBy(() -> intake.accept(IncomingDocument.of("upload", new byte[0])));

        assertThat(lines(output, "stage=received ")).hasSize(3);
        assertThat(lines(output, "stage=received documentId=kst-36200-VII-147 source=upload")).hasSize(1);
        assertThat(lines(output, "stage=published documentId=kst-36200-VII-147 outcome=accepted source=upload"))
                .singleElement().asString().contains("contentSha256=" + sha);
        // the copy's own name would give another id; the line names the id it was published under
        assertThat(lines(output, "stage=duplicate documentId=kst-36200-VII-147 outcome=duplicate")).hasSize(1);
        assertThat(lines(output, "stage=rejected documentId=- outcome=rejected reason=empty source=upload"))
                .hasSize(1);
        assertThat(MDC.get(DocumentIntake.MDC_DOCUMENT_ID)).as("the caller's MDC is restored").isEqualTo("outer");
        MDC.clear();
    }

    private static List<String> lines(CapturedOutput output, String containing) {
        return output.getAll().lines().filter(line -> line.contains(containing)).toList();
    }

    @Test
    void documentOverTheLimitIsRejectedBeforeAnythingElse() {
        byte[] tooBig = new byte[1025]; // NUL bytes: would be unsupported too, but size is checked first

        assertThatThrownBy(() -> intake.accept(IncomingDocument.of("upload", tooBig)))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DocumentRejectedException.Reason.TOO_LARGE))
                .hasMessageContaining("1025 bytes").hasMessageContaining("limit of 1024 bytes");
    }

    @Test
    void documentExactlyAtTheLimitIsAccepted() {
        byte[] atLimit = new byte[1024];
        java.util.Arrays.fill(atLimit, (byte) 'x');

        assertThat(intake.accept(IncomingDocument.of("upload", atLimit)).status())
                .isEqualTo(IntakeResult.Status.ACCEPTED);
    }

    @Test
    void sourceUrlThatIsNotHttpIsRejected() {
        IncomingDocument document = new IncomingDocument("upload", Samples.uniqueKamervragenText(), null, null,
                "file:///etc/passwd", null, null, null);

        assertThatThrownBy(() -> intake.accept(document))
                .isInstanceOfSatisfying(DocumentRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DocumentRejectedException.Reason.INVALID))
                .hasMessageContaining("sourceUrl");
    }

    @Test
    void otherSourcesAreCountedUnderTheirOwnName() {
        intake.accept(IncomingDocument.of("folder", Samples.uniqueKamervragenText()));

        assertThat(registry.get(IngestMetrics.DOCUMENTS).tag("source", "folder").tag("outcome", "accepted")
                .counter().count()).isEqualTo(1);
        assertThat(published.get(0).source()).isEqualTo("folder");
    }

    @Test
    void changedContentUnderTheSameOfficialIdIsPublishedAsTheNextVersion() {
        byte[] first = Samples.uniqueKamervragenText();
        byte[] corrected = Samples.uniqueKamervragenText();
        intake.accept(feed("odata", first, "ah-tk-20262027-430"));

        IntakeResult second = intake.accept(feed("odata", corrected, "ah-tk-20262027-430"));

        assertThat(second.status()).isEqualTo(IntakeResult.Status.ACCEPTED);
        assertThat(second.documentId()).isEqualTo("ah-tk-20262027-430");
        assertThat(published).hasSize(2);
        assertThat(published.get(0).metadata()).containsEntry(DocumentIntake.VERSION, "1")
                .doesNotContainKey(DocumentIntake.PREVIOUS_CONTENT_SHA256);
        assertThat(published.get(1).metadata()).containsEntry(DocumentIntake.VERSION, "2")
                .containsEntry(DocumentIntake.PREVIOUS_CONTENT_SHA256, DocumentIntake.sha256Hex(first))
                .containsEntry("documenttype", "Antwoord schriftelijke vragen");
    }

    @Test
    void sameDocumentThroughASecondFeedIsRecordedButNotPublished() {
        byte[] xmlFromSru = "<?xml version=\"1.0\"?><officiele-publicatie/>".getBytes(StandardCharsets.UTF_8);
        byte[] pdfFromOData = Samples.minimalPdf();
        intake.accept(feed("sru", xmlFromSru, "kst-36600-XIV-23"));

        IntakeResult joined = intake.accept(feed("odata", pdfFromOData, "kst-36600-XIV-23"));

        assertThat(joined.status()).isEqualTo(IntakeResult.Status.DUPLICATE);
        assertThat(joined.documentId()).isEqualTo("kst-36600-XIV-23");
        assertThat(joined.contentType()).isEqualTo(ContentSniffer.PDF);
        assertThat(published).hasSize(1);
        assertThat(ledger.get(DocumentIntake.sha256Hex(pdfFromOData)).published()).isFalse();
        assertThat(count("duplicate")).isZero(); // counted under the feed's own source
        assertThat(registry.get(IngestMetrics.DOCUMENTS).tag("source", "odata").tag("outcome", "duplicate")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void aLaterChangeThroughTheSecondFeedIsANewVersion() {
        intake.accept(feed("sru", Samples.uniqueKamervragenText(), "kst-36600-XIV-23"));
        intake.accept(feed("odata", Samples.minimalPdf(), "kst-36600-XIV-23")); // joined

        IntakeResult changed = intake.accept(feed("odata", Samples.minimalPdf(), "kst-36600-XIV-23"));

        assertThat(changed.status()).isEqualTo(IntakeResult.Status.ACCEPTED);
        assertThat(published).hasSize(2);
        assertThat(published.get(1).metadata()).containsEntry(DocumentIntake.VERSION, "2");
    }

    @Test
    void anUploadIsNeverJoinedWithWhatTheFeedsDelivered() {
        intake.accept(feed("sru", Samples.uniqueKamervragenText(), "kst-36600-XIV-23"));

        IntakeResult upload = intake.accept(upload(Samples.uniqueKamervragenText(), null, "kst-36600-XIV-23"));

        assertThat(upload.status()).isEqualTo(IntakeResult.Status.ACCEPTED);
        assertThat(published).hasSize(2);
    }
}
