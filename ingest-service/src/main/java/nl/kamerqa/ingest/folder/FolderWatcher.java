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
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
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
 *
 * <p>Only regular files in the folder itself are taken in. A symbolic link is never followed: it is moved (the link,
 * not what it points to) to {@code failed/} with a reason, whether it points to a file or a folder, and so is a file
 * whose real path lies outside the folder. The file is opened with {@link LinkOption#NOFOLLOW_LINKS} and its size
 * and content are read from that one open file, so a file swapped for a link after the check is not read either.
 * {@code done/} and {@code failed/} must be real folders (not links), and a reason file is never written through a
 * link, so nothing in the inbox makes the service write outside it.
 */
public class FolderWatcher extends FeedPoller {

    public static final String NAME = "folder";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String REASON_SUFFIX = ".reason";

    private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);
    // names of files still being written by common tools
    private static final List<String> PARTIAL = List.of(".part", ".partial", ".tmp", ".crdownload", ".download");

    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

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
        Path realInbox;
        List<Path> files;
        try {
            subFolder(inbox, DONE);
            subFolder(inbox, FAILED);
            // the configured folder itself may be reached through a link; what is in it may not
            realInbox = inbox.toRealPath();
            try (Stream<Path> listing = Files.list(inbox)) {
                files = listing.filter(this::ready).sorted(Comparator.comparing(Path::getFileName)).toList();
            }
        } catch (IOException e) {
            throw new FeedException("cannot read the folder " + inbox.toAbsolutePath() + ": " + e);
        }
        for (Path file : files) {
            checkInterrupted();
            take(file, realInbox, run);
        }
    }

    /** done/ or failed/, created when missing; a link or a file in its place stops the folder drop. */
    private static void subFolder(Path inbox, String name) throws IOException, FeedException {
        Path dir = inbox.resolve(name);
        if (!Files.exists(dir, NOFOLLOW)) {
            Files.createDirectories(dir);
        }
        if (!Files.isDirectory(dir, NOFOLLOW)) {
            String what = Files.isSymbolicLink(dir) ? "a symbolic link" : "not a folder";
            throw new FeedException(dir.toAbsolutePath() + " is " + what + ": files would be moved there; replace it"
                    + " by a folder");
        }
    }

    /** A regular file that has settled, or a symbolic link (refused at once); never what a link points to. */
    private boolean ready(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || PARTIAL.stream().anyMatch(lower::endsWith)) {
            return false;
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, NOFOLLOW);
            if (attributes.isSymbolicLink()) {
                return true;
            }
            if (!attributes.isRegularFile()) {
                return false;
            }
            Instant changed = attributes.lastModifiedTime().toInstant();
            return Duration.between(changed, env.clock().instant()).compareTo(settings.settle()) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void take(Path file, Path realInbox, PollRun run) throws FeedException {
        String name = file.getFileName().toString();
        try {
            String refused = outsideTheFolder(file, realInbox);
            if (refused != null) {
                fail(file, refused, run);
                return;
            }
            long size;
            byte[] content = null;
            // NOFOLLOW_LINKS: a link put in the file's place since the check above does not open (ELOOP) and is
            // refused on the next scan; size and content come from this one open file
            try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ,
                    LinkOption.NOFOLLOW_LINKS)) {
                size = channel.size();
                if (size <= env.maxDocumentSize()) {
                    content = Channels.newInputStream(channel).readAllBytes();
                }
            }
            if (content == null) {
                // refused before reading, so a huge file is never held in memory
                fail(file, DocumentIntake.tooLarge(size, env.maxDocumentSize()).getMessage(), run);
                return;
            }
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

    /**
     * Why the entry is refused without being read: a symbolic link (to a file or a folder, inside the folder or not),
     * or a path that resolves outside the folder; null for a regular file in the folder.
     */
    private static String outsideTheFolder(Path file, Path realInbox) throws IOException {
        if (Files.isSymbolicLink(file)) {
            return "a symbolic link (to " + Files.readSymbolicLink(file) + "): the folder drop takes in only files"
                    + " in the folder itself and does not follow links; copy or move the file in instead";
        }
        Path real = file.toRealPath();
        if (!realInbox.equals(real.getParent())) {
            return "resolves to " + real + ", outside the folder " + realInbox + ": refused";
        }
        return null;
    }

    private void fail(Path file, String reason, PollRun run) throws IOException {
        Path target = move(file, FAILED);
        // written beside it and moved into place, so whoever watches failed/ never reads a half-written reason;
        // created new (an old partial, or a link of that name, is removed first, never written through)
        Path reasonFile = target.resolveSibling(target.getFileName() + REASON_SUFFIX);
        Path partial = target.resolveSibling(target.getFileName() + REASON_SUFFIX + ".part");
        Files.deleteIfExists(partial);
        Files.writeString(partial,
                reason + System.lineSeparator() + "at " + env.clock().instant() + System.lineSeparator(),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Files.move(partial, reasonFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        run.count(FeedMetrics.Item.FAILED);
        log.warn("folder: {} refused and moved to {}: {}", file.getFileName(), target, reason);
    }

    /** Moves the file into the sub-folder, under another name when one of that name is there already. */
    private Path move(Path file, String subFolder) throws IOException {
        Path dir = file.resolveSibling(subFolder);
        String name = file.getFileName().toString();
        Path target = dir.resolve(name);
        if (Files.exists(target, NOFOLLOW)) {
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
