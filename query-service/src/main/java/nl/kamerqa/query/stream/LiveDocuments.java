package nl.kamerqa.query.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import nl.kamerqa.contracts.ParsedDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fans newly parsed documents out to the open streams of this instance.
 * <ul>
 *   <li>Each client has its own bounded queue, drained by a small shared pool of sender threads, so a slow client
 *       never holds up the Kafka consumer or the other clients. A client whose queue is full is disconnected; its
 *       EventSource reconnects with {@code Last-Event-ID} and is given what it missed from the replay buffer.</li>
 *   <li>The last {@link StreamProperties#replay()} events are kept for such reconnects. A client whose last event
 *       is no longer kept gets a {@code gap} event instead, so it knows to catch up through the REST API.</li>
 *   <li>A new client may ask for the newest kept events first ({@code recent}), e.g. to fill a page.</li>
 *   <li>An event id already in the buffer is not sent again: a parsed event published twice after a redelivery
 *       carries the same {@code ce_id}.</li>
 * </ul>
 * Subscribing and publishing share one lock, so a reconnecting client gets every event once, in order.
 */
public class LiveDocuments implements AutoCloseable {

    public static final String CLIENTS = "kamerqa.query.stream.clients";
    public static final String EVENTS = "kamerqa.query.stream.events";
    public static final String DISCONNECTED = "kamerqa.query.stream.disconnected";

    private static final Logger log = LoggerFactory.getLogger(LiveDocuments.class);

    /** Where a client's events go; implemented over an HTTP response by the API layer. */
    public interface Sink {
        void send(LiveEvent event) throws IOException;

        /** Nothing new, but the connection is alive (a comment line: clients ignore it, proxies see traffic). */
        void keepAlive() throws IOException;

        /** Events after {@code lastEventId} were missed and are no longer kept here. */
        void gap(String lastEventId) throws IOException;

        /** This side ends the stream (shutdown, or the client fell too far behind). */
        void close();
    }

    /** Returned by {@link #subscribe}; cancel it when the client is gone. */
    public interface Subscription {
        void cancel();
    }

    /** This instance serves {@link StreamProperties#maxClients()} streams already. */
    public static class TooManyClientsException extends RuntimeException {
        public TooManyClientsException(int max) {
            super("this instance already serves " + max + " live streams; try again shortly");
        }
    }

    @FunctionalInterface
    private interface Delivery {
        void to(Sink sink) throws IOException;
    }

    private record Entry(LiveEvent event, ParsedDocument document) {
    }

    private final int replay;
    private final int maxClients;
    private final int clientBacklog;
    private final Object lock = new Object();
    private final ArrayDeque<Entry> recent = new ArrayDeque<>();
    private final Set<String> recentIds = new HashSet<>();
    private final List<Client> clients = new ArrayList<>();
    private final AtomicInteger clientCount = new AtomicInteger();
    private final ExecutorService senders;
    private final ScheduledExecutorService keepAlive;
    private final Counter events;
    private final Counter slowDisconnects;

    public LiveDocuments(StreamProperties properties, MeterRegistry meters) {
        this.replay = properties.replay();
        this.maxClients = properties.maxClients();
        this.clientBacklog = properties.clientBacklog();
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(2, r -> daemon(r, "live-stream-sender-" + threads.incrementAndGet()));
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "live-stream-keep-alive"));
        long interval = properties.keepAlive().toMillis();
        keepAlive.scheduleAtFixedRate(this::keepAllAlive, interval, interval, TimeUnit.MILLISECONDS);
        Gauge.builder(CLIENTS, clientCount, AtomicInteger::get).description("Open live streams").register(meters);
        this.events = Counter.builder(EVENTS).description("Parsed documents received for the live stream")
                .register(meters);
        this.slowDisconnects = Counter.builder(DISCONNECTED).tag("reason", "slow")
                .description("Live streams ended by this side because the client fell too far behind")
                .register(meters);
    }

    /** A stream of new matching documents only, or what was missed after {@code lastEventId} first. */
    public Subscription subscribe(StreamFilter filter, String lastEventId, Sink sink) {
        return subscribe(filter, lastEventId, 0, sink);
    }

    /**
     * Opens a stream: first what the client missed after {@code lastEventId} if given, otherwise the {@code recent}
     * newest matching documents still kept; then every new matching document.
     *
     * @throws TooManyClientsException when this instance serves its maximum of streams
     */
    public Subscription subscribe(StreamFilter filter, String lastEventId, int recent, Sink sink) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sink, "sink");
        synchronized (lock) {
            if (clients.size() >= maxClients) {
                throw new TooManyClientsException(maxClients);
            }
            Client client = new Client(filter, sink);
            if (lastEventId != null && !lastEventId.isBlank()) {
                replay(client, lastEventId.strip());
            } else if (recent > 0) {
                newest(client, recent);
            }
            clients.add(client);
            clientCount.set(clients.size());
            return () -> remove(client);
        }
    }

    /** A parsed document came in: kept for replay and sent to every client whose filter it matches. */
    public void publish(LiveEvent event, ParsedDocument document) {
        events.increment();
        synchronized (lock) {
            if (!recentIds.add(event.id())) {
                return; // the same ce_id again (a redelivered event): already sent
            }
            recent.addLast(new Entry(event, document));
            if (recent.size() > replay) {
                recentIds.remove(recent.removeFirst().event().id());
            }
            for (Client client : List.copyOf(clients)) {
                if (client.filter.matches(document)) {
                    client.offer(sink -> sink.send(event));
                }
            }
        }
    }

    public int clients() {
        return clientCount.get();
    }

    /** Ends every open stream, e.g. before the web server's graceful shutdown would wait for them. */
    public void closeAll() {
        List<Client> open;
        synchronized (lock) {
            open = List.copyOf(clients);
            clients.clear();
            clientCount.set(0);
        }
        open.forEach(client -> client.end());
    }

    @Override
    public void close() {
        closeAll();
        keepAlive.shutdownNow();
        senders.shutdownNow();
    }

    private void replay(Client client, String lastEventId) {
        boolean found = false;
        for (Iterator<Entry> it = recent.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (found && client.filter.matches(entry.document())) {
                client.offer(sink -> sink.send(entry.event()));
            }
            found |= entry.event().id().equals(lastEventId);
        }
        if (!found) {
            client.offer(sink -> sink.gap(lastEventId));
        }
    }

    private void newest(Client client, int count) {
        ArrayDeque<Entry> newest = new ArrayDeque<>();
        for (Iterator<Entry> it = recent.descendingIterator(); it.hasNext() && newest.size() < count; ) {
            Entry entry = it.next();
            if (client.filter.matches(entry.document())) {
                newest.addFirst(entry);
            }
        }
        newest.forEach(entry -> client.offer(sink -> sink.send(entry.event())));
    }

    private void keepAllAlive() {
        List<Client> open;
        synchronized (lock) {
            open = List.copyOf(clients);
        }
        open.forEach(client -> client.offer(Sink::keepAlive));
    }

    private void remove(Client client) {
        synchronized (lock) {
            if (clients.remove(client)) {
                clientCount.set(clients.size());
            }
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** One open stream: its filter, its queue, and whether a sender is draining it right now. */
    private final class Client {
        final StreamFilter filter;
        final Sink sink;
        final BlockingQueue<Delivery> queue;
        final AtomicBoolean draining = new AtomicBoolean();
        volatile boolean ended;

        Client(StreamFilter filter, Sink sink) {
            this.filter = filter;
            this.sink = sink;
            this.queue = new ArrayBlockingQueue<>(clientBacklog);
        }

        void offer(Delivery delivery) {
            if (ended) {
                return;
            }
            if (!queue.offer(delivery)) {
                slowDisconnects.increment();
                log.info("live stream client fell {} events behind: disconnected, it resumes with Last-Event-ID",
                        clientBacklog);
                remove(this);
                end();
                return;
            }
            if (draining.compareAndSet(false, true)) {
                startDrain();
            }
        }

        private void startDrain() {
            try {
                senders.execute(this::drain);
            } catch (RejectedExecutionException e) {
                ended = true; // shutting down
            }
        }

        private void drain() {
            try {
                Delivery next;
                while (!ended && (next = queue.poll()) != null) {
                    next.to(sink);
                }
            } catch (IOException | RuntimeException e) {
                // the client went away; the servlet container reports it to the API layer as well
                remove(this);
                ended = true;
            } finally {
                draining.set(false);
                if (!ended && !queue.isEmpty() && draining.compareAndSet(false, true)) {
                    startDrain();
                }
            }
        }

        void end() {
            ended = true;
            queue.clear();
            sink.close();
        }
    }
}
