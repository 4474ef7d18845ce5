package nl.kamerqa.localstack;

import java.nio.file.Path;

/**
 * Test-side access to the local stack's in-process Kafka broker and MongoDB-wire server (package-private in
 * {@code main}) for the fault tests: each can be stopped and started again on the same ports with the same data,
 * so clients see an outage and then the same server come back.
 */
public final class RestartableInfrastructure {

    private RestartableInfrastructure() {
    }

    /** A Kafka broker that can be stopped and started again on the same port and log directory. */
    public interface RestartableBroker extends AutoCloseable {

        void start() throws Exception;

        /** A controlled shutdown: the log is flushed and clients see their connections closed. */
        void stop();

        String bootstrapServers();

        @Override
        default void close() {
            stop();
        }
    }

    /**
     * The KRaft broker (broker + controller in one node) in this JVM; its log directory, hence topics and offsets,
     * survive a restart.
     */
    public static final class Broker implements RestartableBroker {

        private final Path logDir;
        private final int port;
        private final int controllerPort;
        private KraftBroker running;

        public Broker(Path logDir, int port, int controllerPort) {
            this.logDir = logDir;
            this.port = port;
            this.controllerPort = controllerPort;
        }

        @Override
        public synchronized void start() throws Exception {
            if (running == null) {
                running = KraftBroker.start(logDir, port, controllerPort);
            }
        }

        @Override
        public synchronized void stop() {
            if (running != null) {
                running.close();
                running = null;
            }
        }

        public synchronized boolean isRunning() {
            return running != null;
        }

        @Override
        public String bootstrapServers() {
            return "127.0.0.1:" + port;
        }
    }

    /**
     * mongo-java-server with the H2 backend in a file: a stop closes the store (committing it) and the listening
     * socket, so connected clients get socket errors and new connections are refused until {@link #start()}.
     */
    /** The MongoDB-wire server, in this JVM or in a process of its own. */
    public interface RestartableMongo extends AutoCloseable {
        /** Starts it on its port and file (again after a stop). */
        void start() throws Exception;

        /** A controlled stop: the store is closed, its last changes committed. */
        void stop();

        /** Without a database name. */
        String connectionString();

        @Override
        default void close() {
            stop();
        }
    }

    public static final class Mongo implements RestartableMongo {

        private final Path file;
        private final int port;
        private MongoWireServer running;

        public Mongo(Path file, int port) {
            this.file = file;
            this.port = port;
        }

        @Override
        public synchronized void start() throws Exception {
            if (running == null) {
                running = MongoWireServer.onDisk(file, port);
            }
        }

        @Override
        public synchronized void stop() {
            if (running != null) {
                running.close();
                running = null;
            }
        }

        public synchronized boolean isRunning() {
            return running != null;
        }

        @Override
        public String connectionString() {
            return "mongodb://127.0.0.1:" + port;
        }
    }
}
