package nl.kamerqa.localstack;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.Locale;
import java.util.Set;

/**
 * mongo-java-server's H2 backend, made to keep what it acknowledges. The plain backend writes into H2's MVStore,
 * which commits to its file about once a second: a hard kill (or a power cut) took writes that clients had been
 * told were done, and parser-service had already moved on past them. Here every command that changes data commits
 * the store before its reply is sent. Commits are grouped: a command that finds its changes already committed by
 * a concurrent one returns at once, so a busy server commits once per batch of concurrent writes, not per write.
 *
 * <p>A commit is a write to the operating system, which keeps it through a kill of this process; with
 * {@code fsync} it is also forced to the disk, which keeps it through a power cut, at the cost of a disk flush
 * per commit.
 */
final class CommittingH2Backend extends H2Backend {

    /** The commands that change data (lower case); replies to all others are sent as they are. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create", "drop",
            "dropdatabase", "createindexes", "dropindexes", "renamecollection");

    private final MVStore store;
    private final boolean fsync;
    private final Object commitLock = new Object();

    private CommittingH2Backend(MVStore store, boolean fsync) {
        super(store);
        this.store = store;
        this.fsync = fsync;
    }

    /**
     * Without MVStore's background writer: it stores asynchronously (serialised and written by executor threads
     * after it returns), so a commit that finds its changes already taken by a background store in progress returned
     * before they were written, and a kill then took them (seen in the hard-kill test). Every store now happens
     * synchronously in {@link #commit()}.
     */
    static CommittingH2Backend open(String file, boolean fsync) {
        return new CommittingH2Backend(new MVStore.Builder().fileName(file).autoCommitDisabled().open(), fsync);
    }

    /** 0: no background commits. */
    int autoCommitDelay() {
        return store.getAutoCommitDelay();
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document reply = super.handleCommand(channel, database, command, query);
        if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            commit();
        }
        return reply;
    }

    /** Commits what the store holds (and with {@code fsync} forces it to the disk) before returning. */
    @Override
    public void commit() {
        synchronized (commitLock) {
            // returns at once when a concurrent command's commit already took these changes along
            store.commit();
            if (fsync) {
                store.sync();
            }
        }
    }
}
