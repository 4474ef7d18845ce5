package nl.kamerqa.localstack.faults;

import nl.kamerqa.ingest.IngestApplication;
import nl.kamerqa.localstack.RestartableInfrastructure;
import nl.kamerqa.parsing.ParsingApplication;
import nl.kamerqa.query.QueryApplication;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * kamerqa on this machine with every part restartable on its own: the KRaft broker (in this JVM, or as a child JVM
 * when it is to be killed) and the MongoDB-wire server in this JVM (same ports and data across a restart), and
 * ingest-, parser- and query-service as child JVMs (a scenario about the parsers alone leaves query-service out).
 * Everything a scenario leaves behind (service and broker logs, Kafka log dir, H2 file) is under
 * {@code target/faults/<scenario>}.
 */
final class FaultStack implements AutoCloseable {

    /**
     * Sent as {@code X-API-Key} on write requests and given to every service as {@code kamerqa.security.api-key};
     * set it with {@code -Dkamerqa.faults.api-key=...} or {@code KAMERQA_API_KEY}, otherwise a random one per run.
     */
    static final String API_KEY = apiKey();
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    static final String MONGO = "{mongo}";

    // heap as in the images: MaxRAMPercentage=75 of the compose memory limits (768m, 1g, 768m)
    private static final List<String> INGEST_JVM = List.of("-Xmx576m");
    private static final List<String> PARSER_JVM = List.of("-Xmx768m");
    private static final List<String> QUERY_JVM = List.of("-Xmx576m");

    final String scenario;
    final Path dir;
    final RestartableInfrastructure.RestartableBroker broker;
    final RestartableInfrastructure.RestartableMongo mongo;
    final ServiceProcess ingest;
    final ServiceProcess parser;
    /** null when the scenario left query-service out. */
    final ServiceProcess query;
    /** A second parser-service instance in the same consumer group, when the scenario asked for one; else null. */
    final ServiceProcess secondParser;
    /** query-service's search index ({@code kamerqa.index.directory}): with the rest of this scenario's data. */
    final Path queryIndex;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    private FaultStack(String scenario, Path dir, RestartableInfrastructure.RestartableBroker broker,
                       RestartableInfrastructure.RestartableMongo mongo, ServiceProcess ingest, ServiceProcess parser,
                       ServiceProcess query, ServiceProcess secondParser, Path queryIndex) {
        this.scenario = scenario;
        this.dir = dir;
        this.broker = broker;
        this.mongo = mongo;
        this.ingest = ingest;
        this.parser = parser;
        this.query = query;
        this.secondParser = secondParser;
        this.queryIndex = queryIndex;
    }

    /** Where the Kafka broker runs. */
    enum BrokerMode {
        /** In this JVM: it can be stopped and started again, not killed. */
        IN_PROCESS,
        /** A child JVM ({@link BrokerProcess}): it can be killed with SIGKILL too. */
        CHILD_PROCESS
    }

    static FaultStack start(String scenario) throws Exception {
        return start(scenario, Map.of());
    }

    /**
     * @param parserSettings settings given to parser-service only, replacing the common ones of the same name (a
     *                       setting given twice on the command line would be bound as a list); {@value #MONGO} in a
     *                       value stands for the MongoDB connection string (without database)
     */
    static FaultStack start(String scenario, Map<String, String> parserSettings) throws Exception {
        return start(scenario, BrokerMode.IN_PROCESS, parserSettings);
    }

    static FaultStack start(String scenario, BrokerMode brokerMode, Map<String, String> parserSettings)
            throws Exception {
        return start(scenario, brokerMode, MongoMode.IN_PROCESS, parserSettings);
    }

    /** Where the MongoDB-wire server runs. */
    enum MongoMode {
        /** In this JVM: it can be stopped (the store closed) and started again, not killed. */
        IN_PROCESS,
        /** A child JVM ({@link MongoProcess}): it can be killed with SIGKILL too. */
        CHILD_PROCESS
    }

    static FaultStack start(String scenario, BrokerMode brokerMode, MongoMode mongoMode,
                            Map<String, String> parserSettings) throws Exception {
        return start(scenario, brokerMode, mongoMode, Map.of(), parserSettings);
    }

    /** With settings of ingest-service's own too (added to the stack's). */
    static FaultStack start(String scenario, BrokerMode brokerMode, MongoMode mongoMode,
                            Map<String, String> ingestExtra, Map<String, String> parserSettings) throws Exception {
        return start(scenario, brokerMode, mongoMode, ingestExtra, parserSettings, null, true);
    }

    /**
     * ingest-service and two parser-service instances, without query-service: a second parser-service
     * ({@link #secondParser}, log {@code parser-service-b.log}) started beside the first (they start together rather
     * than one after the other: each takes seconds of a busy machine). What the parsers did is in MongoDB and on the
     * topics; a query-service JVM would only cost the machine a start.
     *
     * @param secondParserSettings that instance's own settings, like {@code parserSettings}
     */
    static FaultStack startTwoParsers(String scenario, Map<String, String> parserSettings,
                                      Map<String, String> secondParserSettings) throws Exception {
        return start(scenario, BrokerMode.IN_PROCESS, MongoMode.IN_PROCESS, Map.of(), parserSettings,
                secondParserSettings, false);
    }

    private static FaultStack start(String scenario, BrokerMode brokerMode, MongoMode mongoMode,
                                    Map<String, String> ingestExtra, Map<String, String> parserSettings,
                                    Map<String, String> secondParserSettings, boolean withQueryService)
            throws Exception {
        Path dir = Path.of("target", "faults", scenario).toAbsolutePath();
        deleteRecursively(dir);
        Files.createDirectories(dir);
        int kafkaPort = freePort();
        int controllerPort = freePort();
        int mongoPort = freePort();
        int queryPort = freePort();
        Path kafkaLogDir = dir.resolve("data/kafka");
        RestartableInfrastructure.RestartableBroker broker = switch (brokerMode) {
            case IN_PROCESS -> new RestartableInfrastructure.Broker(kafkaLogDir, kafkaPort, controllerPort);
            case CHILD_PROCESS -> new BrokerProcess(kafkaLogDir, kafkaPort, controllerPort, dir.resolve("kafka-broker.log"));
        };
        RestartableInfrastructure.RestartableMongo mongo = switch (mongoMode) {
            case IN_PROCESS -> new RestartableInfrastructure.Mongo(dir.resolve("data/mongo.mv"), mongoPort);
            case CHILD_PROCESS -> new MongoProcess(dir.resolve("data/mongo.mv"), mongoPort, dir.resolve("mongo.log"));
        };
        Map<String, String> common = new LinkedHashMap<>();
        common.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
        common.put("spring.mongodb.uri", mongo.connectionString() + "/kamerqa");
        common.put("kamerqa.security.api-key", API_KEY);
        Map<String, String> ingestSettings = new LinkedHashMap<>(common);
        // the 30 MB bad input must be over the limit; the default is 50MB
        ingestSettings.put("kamerqa.ingest.max-document-size", "20MB");
        // Location headers point at this stack's query-service
        ingestSettings.put("kamerqa.ingest.query-base-url", "http://127.0.0.1:" + queryPort);
        ingestSettings.putAll(ingestExtra);
        var ingest = new ServiceProcess("ingest-service", IngestApplication.class, freePort(), INGEST_JVM,
                args(ingestSettings), dir.resolve("ingest-service.log"));
        var parserService = parserProcess("parser-service", common, parserSettings, mongo, dir);
        var secondParser = secondParserSettings == null ? null
                : parserProcess("parser-service-b", common, secondParserSettings, mongo, dir);
        // the index in this scenario's folder, not in ./data of the working directory: a fresh broker knows nothing
        // of an index left there by an earlier run
        Path queryIndex = dir.resolve("data/query-index");
        Map<String, String> querySettings = new LinkedHashMap<>(common);
        querySettings.put("kamerqa.index.directory", queryIndex.toString());
        var query = !withQueryService ? null : new ServiceProcess("query-service", QueryApplication.class, queryPort,
                QUERY_JVM, args(querySettings), dir.resolve("query-service.log"));
        FaultStack stack = new FaultStack(scenario, dir, broker, mongo, ingest, parserService, query, secondParser,
                queryIndex);
        try {
            stack.toClose.add(broker);
            broker.start();
            stack.toClose.add(mongo);
            mongo.start();
            // ingest before the parsers: it declares the raw topic they subscribe to. query-service with it: its
            // consumers wait for the parsed topic without creating it, and each JVM start takes seconds
            List<ServiceProcess> services = new ArrayList<>();
            services.add(ingest);
            if (query != null) {
                services.add(query);
            }
            for (ServiceProcess service : services) {
                stack.toClose.add(service);
                service.start();
            }
            ingest.awaitHealthy(START_TIMEOUT);
            List<ServiceProcess> parsers = secondParser == null ? List.of(parserService)
                    : List.of(parserService, secondParser);
            for (ServiceProcess service : parsers) {
                stack.toClose.add(service);
                service.start();
            }
            services.addAll(parsers);
            for (ServiceProcess service : services) {
                service.awaitHealthy(START_TIMEOUT);
            }
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private static ServiceProcess parserProcess(String name, Map<String, String> common, Map<String, String> own,
                                                RestartableInfrastructure.RestartableMongo mongo, Path dir)
            throws IOException {
        Map<String, String> settings = new LinkedHashMap<>(common);
        own.forEach((key, value) -> settings.put(key, value.replace(MONGO, mongo.connectionString())));
        return new ServiceProcess(name, ParsingApplication.class, freePort(), PARSER_JVM, args(settings),
                dir.resolve(name + ".log"));
    }

    private static List<String> args(Map<String, String> settings) {
        return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }

    /** The broker's process, to kill it; only when the stack was started with {@link BrokerMode#CHILD_PROCESS}. */
    MongoProcess mongoProcess() {
        if (mongo instanceof MongoProcess process) {
            return process;
        }
        throw new IllegalStateException(scenario + ": the MongoDB-wire server runs in this JVM; start the stack with "
                + MongoMode.CHILD_PROCESS + " to kill it");
    }

    BrokerProcess brokerProcess() {
        if (broker instanceof BrokerProcess process) {
            return process;
        }
        throw new IllegalStateException(scenario + ": the broker runs in this JVM; start the stack with "
                + BrokerMode.CHILD_PROCESS + " to kill it");
    }

    List<ServiceProcess> services() {
        return query == null ? List.of(ingest, parser) : List.of(ingest, parser, query);
    }

    /** Service name to process id, to show later that no service was restarted. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services().forEach(s -> pids.put(s.name(), s.pid()));
        return pids;
    }

    /** Service name to health status (UP, DOWN, or what went wrong asking). */
    Map<String, String> health() {
        Map<String, String> health = new LinkedHashMap<>();
        for (ServiceProcess s : services()) {
            try {
                health.put(s.name(), s.isAlive() ? s.healthStatus() : "EXITED");
            } catch (Exception e) {
                health.put(s.name(), "NO-ANSWER(" + e.getClass().getSimpleName() + ")");
            }
        }
        return health;
    }

    /** Services first (they may still be writing), then MongoDB (commits the H2 store), then the broker. */
    @Override
    public void close() {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                System.err.println("faults: error while stopping " + toClose.get(i) + ": " + e);
            }
        }
        toClose.clear();
    }

    private static String apiKey() {
        String configured = System.getProperty("kamerqa.faults.api-key", System.getenv("KAMERQA_API_KEY"));
        return configured == null || configured.isBlank() ? "faults-" + UUID.randomUUID() : configured;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
