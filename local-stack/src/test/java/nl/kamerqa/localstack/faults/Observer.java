package nl.kamerqa.localstack.faults;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import nl.kamerqa.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks at what the pipeline did: MongoDB's collections, the Kafka topics, the consumer group, query-service's API. */
final class Observer implements AutoCloseable {

    static final String PARSER_GROUP = "parser-service";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Endpoints endpoints;
    private final MongoClient mongo;
    private final MongoDatabase database;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One row of the {@code documents} collection, as far as the figures need it. */
    record StoredDocument(String id, String contentSha256, int questionCount, List<String> warnings) {
    }

    /** One record of a topic, headers as text. */
    record TopicRecord(String topic, int partition, long offset, String key, Map<String, String> headers, byte[] value) {

        String header(String name) {
            return headers.get(name);
        }
    }

    /**
     * Where to look.
     *
     * @param kafkaBootstrapServers the broker
     * @param mongoConnectionString MongoDB, without database (the database is {@code kamerqa})
     * @param query                 query-service's base URL; null when the stack runs without it
     */
    record Endpoints(String kafkaBootstrapServers, String mongoConnectionString, URI query) {
    }

    Observer(FaultStack stack) {
        this(new Endpoints(stack.broker.bootstrapServers(), stack.mongo.connectionString(),
                stack.query == null ? null : stack.query.url()));
    }

    Observer(Endpoints endpoints) {
        this.endpoints = endpoints;
        // short timeouts: the test polls, and must notice an outage instead of hanging in it
        this.mongo = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(endpoints.mongoConnectionString()))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS))
                .build());
        this.database = mongo.getDatabase("kamerqa");
    }

    // ---------------------------------------------------------------- MongoDB

    Map<String, StoredDocument> storedDocuments() {
        Map<String, StoredDocument> stored = new LinkedHashMap<>();
        for (Document d : database.getCollection("documents").find()) {
            String id = String.valueOf(d.get("_id"));
            Number count = d.get("questionCount", Number.class);
            List<String> warnings = d.getList("warnings", String.class, List.of());
            stored.put(id, new StoredDocument(id, d.getString("contentSha256"), count == null ? -1 : count.intValue(),
                    warnings));
        }
        return stored;
    }

    /** Question records per documentId (what query-service serves, whatever the document record says). */
    Map<String, Long> questionsPerDocument() {
        Map<String, Long> counts = new HashMap<>();
        for (Document q : database.getCollection("questions").find().projection(new Document("documentId", 1))) {
            counts.merge(String.valueOf(q.get("documentId")), 1L, Long::sum);
        }
        return counts;
    }

    /** How many of these documents are stored with exactly their questions; the poll a scenario waits on. */
    long storedCorrectly(Map<String, Integer> expectedQuestions) {
        Map<String, StoredDocument> stored = storedDocuments();
        Map<String, Long> questions = questionsPerDocument();
        return expectedQuestions.entrySet().stream()
                .filter(e -> stored.containsKey(e.getKey())
                        && stored.get(e.getKey()).questionCount() == e.getValue()
                        && questions.getOrDefault(e.getKey(), 0L) == e.getValue().longValue())
                .count();
    }

    /** True when any stored document or question contains {@code text} anywhere (e.g. a leaked file's content). */
    boolean storedTextContains(String text) {
        for (String collection : List.of("documents", "questions")) {
            for (Document d : database.getCollection(collection).find()) {
                if (d.toJson().contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Count of documents stored, cheap enough to poll while a fault is being timed. */
    long documentCount() {
        return database.getCollection("documents").countDocuments();
    }

    // ---------------------------------------------------------------- Kafka

    /** Every record on the topic, from the beginning to the end offsets at the time of the call. */
    List<TopicRecord> readAll(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<TopicRecord> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end offsets " + end);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    for (Header h : r.headers()) {
                        headers.put(h.key(), h.value() == null ? null : headerText(h.key(), h.value()));
                    }
                    records.add(new TopicRecord(r.topic(), r.partition(), r.offset(), r.key(), headers, r.value()));
                }
            }
            return records;
        }
    }

    /** spring-kafka writes partition and offset headers of dead letters as binary numbers. */
    private static String headerText(String key, byte[] value) {
        if ((key.equals("kafka_dlt-original-partition") || key.equals("kafka_dlt-original-consumer-group-partition"))
                && value.length == 4) {
            return Integer.toString(java.nio.ByteBuffer.wrap(value).getInt());
        }
        if ((key.equals("kafka_dlt-original-offset") || key.equals("kafka_dlt-original-timestamp")) && value.length == 8) {
            return Long.toString(java.nio.ByteBuffer.wrap(value).getLong());
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    /**
     * The parser's consumer group has committed every raw record: nothing more is on its way to MongoDB or the
     * dead-letter topic, so figures taken now are final.
     */
    boolean parserDrained() throws ExecutionException, InterruptedException {
        return parserLag() == 0;
    }

    /** Raw records not yet committed by the parser's group (end offset minus committed offset, summed). */
    long parserLag() throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(PARSER_GROUP)
                    .partitionsToOffsetAndMetadata().get();
            List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.RAW)).allTopicNames().get()
                    .get(Topics.RAW).partitions().stream().map(p -> new TopicPartition(Topics.RAW, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(latest).all().get();
            long lag = 0;
            for (TopicPartition p : partitions) {
                OffsetAndMetadata c = committed.get(p);
                lag += end.get(p).offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        }
    }

    private Properties consumerProps() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // looking must not create a topic
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        // large raw records (a 20 MB document is about 27 MB of JSON) must fit a fetch
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024 * 1024);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        return props;
    }

    // ---------------------------------------------------------------- query-service

    /** {@code GET /api/documents/{id}}: the number of questions served, or -1 when it answers 404. */
    int questionsServed(String documentId) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/documents/" + URLEncoder.encode(documentId, StandardCharsets.UTF_8));
        if (response.statusCode() == 404) {
            return -1;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/documents/" + documentId + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        JsonNode questions = JSON.readTree(response.body()).get("questions");
        return questions == null ? 0 : questions.size();
    }

    /** {@code total} of {@code GET /api/questions?documentId=...}. */
    int questionsListed(String documentId) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/questions?size=100&documentId="
                + URLEncoder.encode(documentId, StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/questions?documentId=" + documentId + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("total").asInt();
    }

    /** Every document id {@code GET /api/documents?size=100} lists, page by page, and the total it reports. */
    record Listing(int total, List<String> ids) {
    }

    Listing documentsListed() throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        int total;
        int page = 0;
        do {
            HttpResponse<String> response = get("/api/documents?size=100&page=" + page);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/documents answered " + response.statusCode() + ": "
                        + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            total = body.get("total").asInt();
            JsonNode items = body.get("items");
            items.forEach(item -> ids.add(item.path("id").asString()));
            if (items.isEmpty()) {
                break;
            }
            page++;
        } while (ids.size() < total);
        return new Listing(total, ids);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        if (endpoints.query() == null) {
            throw new IllegalStateException("this stack runs without query-service: nothing serves " + path);
        }
        return http.send(HttpRequest.newBuilder(URI.create(endpoints.query() + path)).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        mongo.close();
    }
}
