package nl.kamerqa.ingest.folder;

import nl.kamerqa.ingest.DocumentIntake;
import nl.kamerqa.ingest.DocumentRejectedException;
import nl.kamerqa.ingest.IncomingDocument;
import nl.kamerqa.ingest.IntakeResult;
import nl.kamerqa.ingest.config.FeedProperties;
import nl.kamerqa.ingest.feed.FeedEnvironment;
import nl.kamerqa.ingest.feed.FeedException;
import nl.kamerqa.ingest.feed.FeedMetrics;
import nl.kamerqa.ingest.feed.FeedPoller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The folder drop: files put into the folder are taken in through the intake and moved to {@code done/} (published
 * or already there) or {@code failed/} with a {@code <name>.reason} file saying why. The folder is scanned on the
 * source's schedule rather than watched with a WatchService, which misses events on network shares; a file is
 * read only once it has not changed for the settle time, so a copy in progress is left alone. When the broker
 * or the store is away the file stays where it is and the scan is retried with backoff.
 */
public class FolderWatcher extends FeedPoller {

    public static final String NAME = "folder";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String REASON_SUFFIX = ".reason";

    private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);
    // names of files still being written by common tools
    private static final List<String> PARTIAL = List.of(".part", ".partial", ".tmp", ".crdownload", ".download");

    private final FeedProperties.Folder settings;

    public FolderWatcher(FeedProperties.Folder settings, FeedEnvironment env) {
        super(NAME, settings, env);
        this.settings = settings;
    }

    @Override
    public String describe() {
        return "folder " + settings.path().toAbsolutePath();
    }

    @Override
    protected void pass(PollRun run) throws FeedException, InterruptedException {
        Path inbox = settings.path();
        List<Path> files;
        try {
            Files.createDirectories(inbox.resolve(DONE));
            Files.createDirectories(inbox.resolve(FAILED));
            try (Stream<Path> listing = Files.list(inbox)) {
                files = listing.filter(this::ready).sorted(Comparator.comparing(Path::getFileName)).toList();
            }
        } catch (IOException e) {
            throw new FeedException("cannot read the folder " + inbox.toAbsolutePath() + ": " + e);
        }
        for (Path file : files) {
            checkInterrupted();
            take(file, run);
        }
    }

    private boolean ready(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || PARTIAL.stream().anyMatch(lower::endsWith) || !Files.isRegularFile(file)) {
            return false;
        }
        try {
            Instant changed = Files.getLastModifiedTime(file).toInstant();
            return Duration.between(changed, env.clock().instant()).compareTo(settings.settle()) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void take(Path file, PollRun run) throws FeedException {
        String name = file.getFileName().toString();
        try {
            long size = Files.size(file);
            if (size > env.maxDocumentSize()) {
                // refused before reading, so a huge file is never held in memory
                fail(file, DocumentIntake.tooLarge(size, env.maxDocumentSize()).getMessage(), run);
                return;
            }
            byte[] content = Files.readAllBytes(file);
            run.count(FeedMetrics.Item.FETCHED);
            IntakeResult result;
            try {
                result = env.sink().accept(new IncomingDocument(NAME, content, name, probe(file), null, null, null,
                        null));
            } catch (DocumentRejectedException e) {
                fail(file, e.getMessage(), run);
                return;
            }
            Path target = move(file, DONE);
            run.count(result.status() == IntakeResult.Status.ACCEPTED
                    ? FeedMetrics.Item.PUBLISHED : FeedMetrics.Item.DUPLICATE);
            log.info("folder: {} taken in as {} ({}), moved to {}", name, result.documentId(), result.status(), target);
        } catch (NoSuchFileException e) {
            log.debug("folder: {} disappeared before it was taken in", name);
        } catch (IOException e) {
            throw new FeedException("cannot take in " + file.toAbsolutePath() + ": " + e);
        }
    }

    private void fail(Path file, String reason, PollRun run) throws IOException {
        Path target = move(file, FAILED);
        // written beside it and moved into place, so whoever watches failed/ never reads a half-written reason
        Path reasonFile = target.resolveSibling(target.getFileName() + REASON_SUFFIX);
        Path partial = target.resolveSibling(target.getFileName() + REASON_SUFFIX + ".part");
        Files.writeString(partial,
                reason + System.lineSeparator() + "at " + env.clock().instant() + System.lineSeparator(),
                StandardCharsets.UTF_8);
        Files.move(partial, reasonFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        run.count(FeedMetrics.Item.FAILED);
        log.warn("folder: {} refused and moved to {}: {}", file.getFileName(), target, reason);
    }

    /** Moves the file into the sub-folder, under another name when one of that name is there already. */
    private Path move(Path file, String subFolder) throws IOException {
        Path dir = file.resolveSibling(subFolder);
        String name = file.getFileName().toString();
        Path target = dir.resolve(name);
        if (Files.exists(target)) {
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            String extension = dot > 0 ? name.substring(dot) : "";
            target = dir.resolve(stem + "-" + env.clock().millis() + extension);
        }
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String probe(Path file) {
        try {
            return Files.probeContentType(file);
        } catch (IOException e) {
            return null;
        }
    }
}
