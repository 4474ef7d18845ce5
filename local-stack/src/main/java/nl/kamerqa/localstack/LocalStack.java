package nl.kamerqa.localstack;

import nl.kamerqa.ingest.IngestApplication;
import nl.kamerqa.parsing.ParsingApplication;
import nl.kamerqa.query.QueryApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The whole of kamerqa on one machine without Docker: a real KRaft Kafka broker, an embedded MongoDB-wire server,
 * then ingest-, parser- and query-service, each its own Spring application context in this JVM.
 */
public final class LocalStack implements AutoCloseable {

    /** Sample documents bundled in this module and loaded at start-up. */
    static final List<String> SAMPLES = List.of("samples/kst-36200-VII-147.txt");

    private final List<AutoCloseable> started = new ArrayList<>();
    private final String apiKey;
    /** Where the services' Kafka and MongoDB connection details come from, when a test gives them; else null. */
    private ConfigurableApplicationContext serviceConnections;
    private String kafkaBootstrapServers;
    private String mongoUri;
    private int ingestPort;
    private int parserPort;
    private int queryPort;

    private LocalStack(String apiKey) {
        this.apiKey = apiKey;
    }

    /** What to start: infrastructure is started here unless an external address is given. */
    public record Settings(Path dataDir, boolean persistent, String kafkaBootstrapServers, String mongoUri,
                           int kafkaPort, int mongoPort, int ingestPort, int parserPort, int queryPort,
                           List<String> extraArgs, boolean fsync, Class<?> serviceConnections) {

        /**
         * The one-command local run: fixed ports, data under ./data kept across restarts; the environment may
         * override them (KAMERQA_DATA_DIR, KAFKA_PORT, MONGODB_PORT, INGEST_PORT, PARSER_PORT, QUERY_PORT).
         * KAMERQA_LOCAL_FSYNC=true forces every broker append and store commit to the disk, so that a power cut
         * loses nothing either (a hard kill loses nothing without it).
         */
        public static Settings fromEnvironment() {
            return new Settings(Path.of(env("KAMERQA_DATA_DIR", "data")), true, null, null,
                    Integer.parseInt(env("KAFKA_PORT", "9092")), Integer.parseInt(env("MONGODB_PORT", "27017")),
                    Integer.parseInt(env("INGEST_PORT", "8081")), Integer.parseInt(env("PARSER_PORT", "8082")),
                    Integer.parseInt(env("QUERY_PORT", "8083")), List.of(),
                    Boolean.parseBoolean(env("KAMERQA_LOCAL_FSYNC", "false")), null);
        }

        /** For tests: free ports, temporary Kafka logs, MongoDB in memory. */
        public static Settings forTests(Path tempDir) {
            return new Settings(tempDir, false, null, null, 0, 0, 0, 0, 0, List.of(), false, null);
        }

        /**
         * For tests against existing infrastructure: a configuration class whose context holds Kafka's and MongoDB's
         * connection details (e.g. Testcontainers' {@code @ServiceConnection} containers, imported with
         * {@code @ImportTestcontainers}). That context is the parent of the three services' contexts, so Boot
         * connects them by those details, and it is closed after them.
         */
        public static Settings connectedBy(Class<?> serviceConnections) {
            return new Settings(null, false, null, null, 0, 0, 0, 0, 0, List.of(), false, serviceConnections);
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    public static LocalStack start(Settings settings) throws Exception {
        LocalStack stack = new LocalStack(ApiKeys.forStack(settings));
        try {
            stack.startInfrastructure(settings);
            stack.startServices(settings);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startInfrastructure(Settings settings) throws Exception {
        if (settings.serviceConnections() != null) {
            serviceConnections = new AnnotationConfigApplicationContext(settings.serviceConnections());
            started.add(serviceConnections); // closed in reverse: after the services
            kafkaBootstrapServers = String.join(",",
                    serviceConnections.getBean(KafkaConnectionDetails.class).getBootstrapServers());
            mongoUri = serviceConnections.getBean(MongoConnectionDetails.class).getConnectionString()
                    .getConnectionString();
            return;
        }
        if (settings.kafkaBootstrapServers() != null) {
            kafkaBootstrapServers = settings.kafkaBootstrapServers();
        } else {
            Path logDir = settings.dataDir().resolve("kafka");
            if (!settings.persistent()) {
                started.add(() -> KraftBroker.deleteQuietly(logDir)); // closed in reverse: after the broker
            }
            KraftBroker broker = KraftBroker.start(logDir, freeIfZero(settings.kafkaPort()), freePort(),
                    settings.fsync());
            started.add(broker);
            kafkaBootstrapServers = broker.bootstrapServers();
        }
        if (settings.mongoUri() != null) {
            mongoUri = settings.mongoUri();
        } else {
            MongoWireServer mongo = settings.persistent()
                    ? MongoWireServer.onDisk(settings.dataDir().resolve("mongo.mv"), settings.mongoPort(), settings.fsync())
                    : MongoWireServer.inMemory(settings.mongoPort());
            started.add(mongo);
            mongoUri = mongo.connectionString() + "/kamerqa";
        }
    }

    private void startServices(Settings settings) {
        // in the order of the topics: ingest-service declares the raw topic the parser's consumers subscribe to, and
        // parser-service the parsed topic query-service reads. Started before their topic, the parser's consumers
        // polled for it and joined the group one by one: the bundled sample was indexed 4 s later than now.
        ingestPort = run(IngestApplication.application(), settings.ingestPort(), settings);
        parserPort = run(ParsingApplication.application(), settings.parserPort(), settings);
        queryPort = run(QueryApplication.application(), settings.queryPort(), settings);
    }

    private int run(SpringApplicationBuilder app, int port, Settings settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--kamerqa.security.api-key=" + apiKey));
        if (serviceConnections != null) {
            app.parent(serviceConnections); // Boot takes the connection details beans from there over any property
        } else {
            args.add("--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers);
            args.add("--spring.mongodb.uri=" + mongoUri);
        }
        args.addAll(settings.extraArgs());
        // this class stops the contexts, in order, before the broker and MongoDB go away
        ConfigurableApplicationContext context = app.registerShutdownHook(false).run(args.toArray(String[]::new));
        started.add(context);
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String mongoUri() {
        return mongoUri;
    }

    /** The key that write and admin endpoints of all three services expect in the X-API-Key header. */
    public String apiKey() {
        return apiKey;
    }

    public URI ingestUrl() {
        return URI.create("http://localhost:" + ingestPort);
    }

    public URI parserUrl() {
        return URI.create("http://localhost:" + parserPort);
    }

    public URI queryUrl() {
        return URI.create("http://localhost:" + queryPort);
    }

    /** Uploads the bundled samples through ingest-service's HTTP API, as a user would; returns its answers. */
    public List<String> loadSamples() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> answers = new ArrayList<>();
        for (String sample : SAMPLES) {
            byte[] bytes;
            try (InputStream in = LocalStack.class.getClassLoader().getResourceAsStream(sample)) {
                if (in == null) {
                    throw new IOException("sample missing from the classpath: " + sample);
                }
                bytes = in.readAllBytes();
            }
            String filename = Path.of(sample).getFileName().toString();
            HttpRequest request = HttpRequest.newBuilder(ingestUrl().resolve(
                            "/api/documents?filename=" + URLEncoder.encode(filename, StandardCharsets.UTF_8)))
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .header("X-API-Key", apiKey)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            answers.add(filename + " -> " + response.statusCode() + " " + response.body());
        }
        return answers;
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("kamerqa local-stack: error while stopping: " + e);
            }
        }
        started.clear();
    }

    private static int freeIfZero(int port) throws IOException {
        return port == 0 ? freePort() : port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromEnvironment();
        Files.createDirectories(settings.dataDir());
        LocalStack stack = start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("kamerqa local-stack: stopping ...");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        for (String answer : stack.loadSamples()) {
            System.out.println("kamerqa local-stack: loaded " + answer);
        }
        System.out.printf("""

                kamerqa is running (Ctrl-C stops everything; data is kept under %s)
                  API key            in %s (send it as X-API-Key to write and admin endpoints)
                  Kafka (KRaft)      %s
                  MongoDB wire       %s
                  ingest-service     %s/api/documents        (POST a document)
                  parser-service     %s/actuator/health
                  query-service      %s/                     (web page)
                                     %s/api/documents
                                     %s/api/questions?party=VVD
                                     %s/api/stream           (live, server-sent events)
                  metrics            %s/actuator/prometheus  (likewise on each service)
                """, settings.dataDir().toAbsolutePath(), ApiKeys.describe(settings), stack.kafkaBootstrapServers(), stack.mongoUri(),
                stack.ingestUrl(), stack.parserUrl(), stack.queryUrl(), stack.queryUrl(), stack.queryUrl(),
                stack.queryUrl(), stack.ingestUrl());
        stopped.await();
    }
}
