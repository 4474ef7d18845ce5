package nl.kamerqa.ingest.folder;

import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.ingest.Samples;
import nl.kamerqa.ingest.feed.FeedIntegrationTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The folder drop, scheduled for real every 200 ms in this context. */
class FolderWatcherTest extends FeedIntegrationTest {

    /** Written under a hidden name and moved in, as a copy tool would, so no half-written file is read. */
    private static void drop(String name, byte[] content) throws Exception {
        Path temp = INBOX.resolve("." + name + ".tmp");
        Files.write(temp, content);
        Files.move(temp, INBOX.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void goodFileIsPublishedAndMovedToDone() throws Exception {
        byte[] content = Samples.uniqueKamervragenText();
        drop("kst-36600-VII-99.txt", content);

        Path done = INBOX.resolve("done/kst-36600-VII-99.txt");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(done));

        assertThat(INBOX.resolve("kst-36600-VII-99.txt")).doesNotExist();
        assertThat(done).hasBinaryContent(content);
        RawDocument raw = publishedOnce("kst-36600-VII-99");
        assertThat(raw.source()).isEqualTo("folder");
        assertThat(raw.content()).isEqualTo(content);
        assertThat(raw.metadata()).containsEntry("filename", "kst-36600-VII-99.txt");
    }

    @Test
    void emptyFileIsMovedToFailedWithAReason() throws Exception {
        drop("leeg.pdf", new byte[0]);

        Path reason = INBOX.resolve("failed/leeg.pdf.reason");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(reason));

        assertThat(INBOX.resolve("failed/leeg.pdf")).exists();
        assertThat(INBOX.resolve("leeg.pdf")).doesNotExist();
        assertThat(Files.readString(reason)).contains("the document is empty");
        assertThat(publishedIds()).isEmpty();
    }

    @Test
    void unknownFileIsMovedToFailedWithAReason() throws Exception {
        drop("scan.pdf", Samples.pngImage());

        Path reason = INBOX.resolve("failed/scan.pdf.reason");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(reason));

        assertThat(Files.readString(reason)).contains("unsupported content: a PNG image");
        assertThat(INBOX.resolve("done/scan.pdf")).doesNotExist();
        assertThat(publishedIds()).isEmpty();
    }
}
