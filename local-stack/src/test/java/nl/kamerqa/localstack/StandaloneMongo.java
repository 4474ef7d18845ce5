package nl.kamerqa.localstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack's MongoDB-wire server (mongo-java-server, H2 file, {@link CommittingH2Backend}) in a process of its
 * own, so a fault test can kill it with SIGKILL (no close, no last commit) and start it again on the same file.
 * <p>
 * {@code java -cp <test class path> nl.kamerqa.localstack.StandaloneMongo <file> <port>}; prints {@value #STARTED}
 * once it listens, and closes the store on SIGTERM.
 */
public final class StandaloneMongo {

    public static final String STARTED = "standalone-mongo: started";

    private StandaloneMongo() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: StandaloneMongo <file> <port>");
        }
        MongoWireServer server = MongoWireServer.onDisk(Path.of(args[0]), Integer.parseInt(args[1]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("standalone-mongo: stopping");
            server.close();
            stopped.countDown();
        }, "standalone-mongo-shutdown"));
        System.out.println(STARTED + " on " + args[1]);
        stopped.await();
    }
}
