package nl.kamerqa.localstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack's KRaft broker in a process of its own, so a fault test can kill it with SIGKILL (no controlled
 * shutdown, no log flush) and start it again on the same log directory and ports.
 * <p>
 * {@code java -cp <test class path> nl.kamerqa.localstack.StandaloneBroker <logDir> <port> <controllerPort>}; prints
 * {@value #STARTED} once the broker serves, and shuts it down in a controlled way on SIGTERM.
 */
public final class StandaloneBroker {

    public static final String STARTED = "standalone-broker: started";

    private StandaloneBroker() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: StandaloneBroker <logDir> <port> <controllerPort>");
        }
        KraftBroker broker = KraftBroker.start(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("standalone-broker: stopping");
            broker.close();
            stopped.countDown();
        }, "standalone-broker-shutdown"));
        System.out.println(STARTED + " on " + broker.bootstrapServers());
        stopped.await();
    }
}
