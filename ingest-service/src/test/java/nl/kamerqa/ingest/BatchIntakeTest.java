package nl.kamerqa.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.kamerqa.contracts.RawDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** How a batch is taken in, with in-memory ports; the HTTP answers are in BatchUploadIntegrationTest. */
class BatchIntakeTest {

    private final List<RawDocument> published = new CopyOnWriteArrayList<>();

    private BatchIntake batch;

    @AfterEach
    void stopPool() {
        if (batch != null) {
            batch.destroy();
        }
    }

    private BatchIntake batchIntake(RawDocumentPublisher publisher) {
        DocumentIntake intake = new DocumentIntake(publisher, new InMemoryIngestedDocuments(), new IngestMetrics(new SimpleMeterRegistry()),
                Clock.systemUTC(), DocumentIntakeTest.properties(DataSize.ofKilobytes(1)));
        batch = new BatchIntake(intake, DocumentIntakeTest.properties(DataSize.ofKilobytes(1)));
        return batch;
    }

    private static IncomingDocument upload(String filename, byte[] content) {
        return new IncomingDocument("upload", content, filename, "text/plain", null, null, null, null);
    }

    @Test
    void documentsArePublishedAtTheSameTimeNotOneAfterTheOther() {
        // each publication is acknowledged only once all three are in flight: one by one, the first would time out
        CyclicBarrier allInFlight = new CyclicBarrier(3);
        List<BatchIntake.Outcome> outcomes = batchIntake(document -> {
            try {
                allInFlight.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IntakeUnavailableException("not published together with the others: " + e, e);
            }
            published.add(document);
        }).acceptAll(List.of(upload("a.txt", Samples.uniqueKamervragenText()),
                upload("b.txt", Samples.uniqueKamervragenText()), upload("c.txt", Samples.uniqueKamervragenText())));

        assertThat(outcomes).extracting(BatchIntake.Outcome::status).containsOnly(BatchIntake.Outcome.Status.ACCEPTED);
        assertThat(published).hasSize(3);
    }

    @Test
    void outcomesComeInTheOrderOfTheDocumentsWithRejectionsAndOutagesInTheirPlace() {
        byte[] unavailable = Samples.uniqueKamervragenText();
        List<BatchIntake.Outcome> outcomes = batchIntake(document -> {
            if (java.util.Arrays.equals(document.content(), unavailable)) {
                throw new IntakeUnavailableException("broker did not acknowledge within PT5S", null);
            }
            published.add(document);
        }).acceptAll(List.of(upload("kst-36200-VII-1.txt", Samples.uniqueKamervragenText()),
                upload("leeg.txt", new byte[0]), upload("b.txt", unavailable)));

        assertThat(outcomes).extracting(BatchIntake.Outcome::status).containsExactly(
                BatchIntake.Outcome.Status.ACCEPTED, BatchIntake.Outcome.Status.REJECTED,
                BatchIntake.Outcome.Status.FAILED);
        assertThat(outcomes.get(0).documentId()).isEqualTo("kst-36200-VII-1");
        assertThat(outcomes.get(1).reason()).isEqualTo(IngestMetrics.Reason.EMPTY);
        assertThat(outcomes.get(2).detail()).contains("broker did not acknowledge");
        assertThat(outcomes.get(2).contentSha256()).isEqualTo(DocumentIntake.sha256Hex(unavailable));
    }

    @Test
    void documentsWithTheSameBytesOrTheSameOfficialFileNameShareALaneInTheirOrder() {
        byte[] same = Samples.uniqueKamervragenText();
        List<IncomingDocument> documents = List.of(
                upload("a.txt", same),                                          // 0
                upload("kst-36200-VII-9.txt", Samples.uniqueKamervragenText()), // 1
                upload("b.txt", Samples.uniqueKamervragenText()),               // 2
                upload("kst-36200-VII-9.pdf", Samples.minimalPdf()),            // 3: same id as 1
                upload("ah-tk-20222023-5.txt", same),                           // 4: same bytes as 0
                upload("ah-tk-20222023-5.pdf", Samples.minimalPdf()),           // 5: same id as 4, so with 0
                upload("leeg-1.txt", new byte[0]),                              // 6
                upload("leeg-2.txt", new byte[0]));                             // 7
        String[] shas = documents.stream().map(d -> d.content().length == 0 ? null
                : DocumentIntake.sha256Hex(d.content())).toArray(String[]::new);

        assertThat(BatchIntake.lanes(documents, shas)).containsExactly(
                List.of(0, 4, 5), List.of(1, 3), List.of(2), List.of(6), List.of(7));
    }
}
