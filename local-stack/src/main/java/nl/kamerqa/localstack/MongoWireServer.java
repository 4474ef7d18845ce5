package nl.kamerqa.localstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An embedded MongoDB-wire server (mongo-java-server). With a file it keeps its data in H2's MVStore, committed
 * before each write is acknowledged ({@link CommittingH2Backend}), so documents survive a restart and a hard kill
 * of the local stack; without one it keeps them in memory (tests).
 */
final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;
    private final String connectionString;

    private MongoWireServer(MongoServer server, String connectionString) {
        this.server = server;
        this.connectionString = connectionString;
    }

    static MongoWireServer onDisk(Path file, int port) throws IOException {
        return onDisk(file, port, false);
    }

    /** @param fsync force each commit to the disk too (survives a power cut; costs a disk flush per commit) */
    static MongoWireServer onDisk(Path file, int port, boolean fsync) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return start(CommittingH2Backend.open(file.toAbsolutePath().toString(), fsync), port);
    }

    static MongoWireServer inMemory(int port) {
        return start(new MemoryBackend(), port);
    }

    private static MongoWireServer start(MongoBackend backend, int port) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new MongoWireServer(server, "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    /** Connection string without a database; services append theirs. */
    String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdown(); // closes the backend too, which commits H2's store
    }
}
