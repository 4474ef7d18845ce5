package nl.kamerqa.ingest.folder;

import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.ingest.Samples;
import nl.kamerqa.ingest.config.FeedProperties;
import nl.kamerqa.ingest.feed.FeedIntegrationTest;
import nl.kamerqa.ingest.feed.PollResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.LinkOption;
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
    void word97FileIsPublishedAsMswordAndAnExcelFileFailsSayingWhatItIs() throws Exception {
        byte[] doc = Samples.word97Document();
        drop("kst-36600-VII-96.doc", doc);
        drop("vragen.xls", Samples.excelWorkbook());

        Path done = INBOX.resolve("done/kst-36600-VII-96.doc");
        Path reason = INBOX.resolve("failed/vragen.xls.reason");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(done) && Files.exists(reason));

        RawDocument raw = publishedOnce("kst-36600-VII-96");
        assertThat(raw.contentType()).isEqualTo("application/msword");
        assertThat(raw.content()).isEqualTo(doc);
        assertThat(Files.readString(reason)).contains("no Word 97-2003 document (an Excel workbook (.xls))");
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

    @Test
    void linkToAFileOutsideTheInboxIsRefusedWithAReasonAndItsTargetIsNotTakenIn() throws Exception {
        // a document the intake would accept, readable by the service, outside the inbox
        Path outside = Files.createTempDirectory("kamerqa-outside");
        byte[] content = Samples.uniqueKamervragenText();
        Path target = Files.write(outside.resolve("kst-36600-VII-98.txt"), content);
        Files.createSymbolicLink(INBOX.resolve("kst-36600-VII-98.txt"), target);

        Path reason = INBOX.resolve("failed/kst-36600-VII-98.txt.reason");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(reason));

        assertThat(Files.readString(reason)).contains("a symbolic link (to " + target + ")");
        // the link itself was moved, not a copy of what it points to
        assertThat(Files.isSymbolicLink(INBOX.resolve("failed/kst-36600-VII-98.txt"))).isTrue();
        assertThat(Files.exists(INBOX.resolve("kst-36600-VII-98.txt"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(INBOX.resolve("done/kst-36600-VII-98.txt"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(target).hasBinaryContent(content);
        assertThat(publishedIds()).isEmpty();
    }

    @Test
    void linkToAFolderIsNotFollowed() throws Exception {
        Path outside = Files.createTempDirectory("kamerqa-outside-folder");
        byte[] content = Samples.uniqueKamervragenText();
        Path inside = Files.write(outside.resolve("kst-36600-VII-97.txt"), content);
        Files.createSymbolicLink(INBOX.resolve("gedeeld"), outside);

        Path reason = INBOX.resolve("failed/gedeeld.reason");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(reason));

        assertThat(Files.readString(reason)).contains("a symbolic link (to " + outside + ")");
        assertThat(Files.isSymbolicLink(INBOX.resolve("failed/gedeeld"))).isTrue();
        // nothing in the linked folder was read, moved or created
        assertThat(inside).hasBinaryContent(content);
        try (var listing = Files.list(outside)) {
            assertThat(listing).containsExactly(inside);
        }
        assertThat(publishedIds()).isEmpty();
    }

    @Test
    void failedFolderThatIsALinkStopsTheFolderDropInsteadOfMovingFilesOutOfTheInbox() throws Exception {
        // an inbox of its own, polled by hand, so the scheduled folder drop keeps its own
        Path inbox = Files.createTempDirectory("kamerqa-inbox-linked-failed");
        Path outside = Files.createTempDirectory("kamerqa-outside-failed");
        Files.createSymbolicLink(inbox.resolve(FolderWatcher.FAILED), outside);
        Files.write(inbox.resolve("leeg.pdf"), new byte[0]);
        FeedProperties.Folder settings = feeds.folder();
        FolderWatcher watcher = new FolderWatcher(new FeedProperties.Folder(true, inbox, Duration.ZERO,
                settings.interval(), settings.initialDelay(), settings.politeness()), environment);

        PollResult result = watcher.poll();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.error()).contains(inbox.resolve(FolderWatcher.FAILED) + " is a symbolic link");
        assertThat(inbox.resolve("leeg.pdf")).exists();
        try (var listing = Files.list(outside)) {
            assertThat(listing).isEmpty();
        }
    }
}
