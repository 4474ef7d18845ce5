package nl.kamerqa.localstack;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * mongo-java-server's H2 backend, made to keep write concerns the way a single MongoDB server does. The plain backend
 * ignores them: it writes into H2's MVStore, which commits to its file about once a second, so a hard kill took
 * writes that clients had been told were durable. Here:
 * <ul>
 *   <li>a write that asks for durability ({@code j: true} or {@code w: "majority"}) commits the store before its
 *       reply is sent, like MongoDB waiting for its journal. A commit takes every change made before it along, so
 *       such a write also makes all earlier writes durable (parser-service relies on that: its position is written
 *       with {@code j: true} after the document);</li>
 *   <li>every other write is committed within {@link #COMMIT_INTERVAL_MS} ms, like MongoDB's journal interval.</li>
 * </ul>
 * Commits are grouped: a command that finds its changes already committed by a concurrent one returns at once.
 * A commit never runs while a write command is in progress: a document and its {@code _id} index entry live in two
 * maps, and a commit between the two writes left a store that refused the document after a restart ("already
 * existed", seen in the hard-kill test). Each command is thereby also all-or-nothing across a kill.
 *
 * <p>A commit is a write to the operating system, which keeps it through a kill of this process; with
 * {@code fsync} it is also forced to the disk, which keeps it through a power cut, at the cost of a disk flush
 * per commit.
 */
final class CommittingH2Backend extends H2Backend {

    /** Like MongoDB's default {@code commitIntervalMs} for the journal. */
    static final long COMMIT_INTERVAL_MS = 100;

    /** The commands that change data (lower case); replies to all others are sent as they are. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create", "drop",
            "dropdatabase", "createindexes", "dropindexes", "renamecollection");

    private final MVStore store;
    private final boolean fsync;
    /** Write commands share it; a commit takes it alone, so it sees no half-done command. */
    private final ReadWriteLock commandsAndCommits = new ReentrantReadWriteLock();
    private final ScheduledExecutorService interval = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mongo-wire-commit");
        thread.setDaemon(true);
        return thread;
    });

    private CommittingH2Backend(MVStore store, boolean fsync) {
        super(store);
        this.store = store;
        this.fsync = fsync;
        interval.scheduleWithFixedDelay(this::commit, COMMIT_INTERVAL_MS, COMMIT_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Without MVStore's background writer: it stores asynchronously (serialised and written by executor threads
     * after it returns), so a commit that finds its changes already taken by a background store in progress would
     * return before they were written. Every store happens synchronously in {@link #commit()} instead.
     */
    static CommittingH2Backend open(String file, boolean fsync) {
        return new CommittingH2Backend(new MVStore.Builder().fileName(file).autoCommitDisabled().open(), fsync);
    }

    /** 0: no background commits by MVStore itself. */
    int autoCommitDelay() {
        return store.getAutoCommitDelay();
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (!WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            return super.handleCommand(channel, database, command, query);
        }
        Document reply;
        commandsAndCommits.readLock().lock();
        try {
            reply = super.handleCommand(channel, database, command, query);
        } finally {
            commandsAndCommits.readLock().unlock();
        }
        if (asksForDurability(query)) {
            commit();
        }
        return reply;
    }

    /** {@code writeConcern: {j: true}} or {@code {w: "majority"}}; drivers leave the field out for the default. */
    static boolean asksForDurability(Document command) {
        if (!(command.get("writeConcern") instanceof Document concern)) {
            return false;
        }
        return Boolean.TRUE.equals(concern.get("j")) || "majority".equals(concern.get("w"));
    }

    /** Commits what the store holds (and with {@code fsync} forces it to the disk) before returning. */
    @Override
    public void commit() {
        commandsAndCommits.writeLock().lock();
        try {
            if (store.isClosed()) {
                return;
            }
            // returns at once when a concurrent command's commit already took these changes along
            store.commit();
            if (fsync) {
                store.sync();
            }
        } finally {
            commandsAndCommits.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        interval.shutdownNow();
        commandsAndCommits.writeLock().lock();
        try {
            super.close();
        } finally {
            commandsAndCommits.writeLock().unlock();
        }
    }
}
