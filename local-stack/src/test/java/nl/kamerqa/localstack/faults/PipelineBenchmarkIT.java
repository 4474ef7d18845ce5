package nl.kamerqa.localstack.faults;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.localstack.faults.ReportDocuments.Report;
import nl.kamerqa.parser.QaParser;
import org.apache.kafka.tools.ProducerPerformance;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline benchmark of GitHub issue 13 (BENCHMARKS.md, "Pipeline"): the packaged local stack with its own data
 * folder and ports; N documents made from the real samples (report text, Kamervragen PDF, Word letter,
 * officielebekendmakingen XML; distinct content and ids) posted at full speed by C clients, each waited for until
 * query-service serves it; then freshness at a steady rate; then, against the same broker and store, the limits:
 * Kafka's own ProducerPerformance with the same record sizes, and a bulk upsert of the same question records.
 * Not a test of the build: run it with {@code ./mvnw -B -pl local-stack -am verify -Pbench} (see BENCHMARKS.md).
 * It asserts only that every accepted document was served (a benchmark that loses documents measures nothing).
 */
@Tag("bench")
class PipelineBenchmarkIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "bench-key";
    private static final int DOCUMENTS = Integer.getInteger("kamerqa.bench.documents", 600);
    private static final int CLIENTS = Integer.getInteger("kamerqa.bench.clients", 8);
    private static final String MIX = System.getProperty("kamerqa.bench.mix", "text");
    private static final int STEADY_RATE = Integer.getInteger("kamerqa.bench.steady-rate", 10);
    private static final int STEADY_SECONDS = Integer.getInteger("kamerqa.bench.steady-seconds", 30);
    /** Awaited documents asked about per 10 ms round while measuring freshness. */
    private static final int CHECKED_PER_ROUND = 5;
    private static final Path OUT = Path.of("target", "bench");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One document to send: its official id, bytes, content type and format (for its file name). */
    record Doc(String documentId, byte[] bytes, String contentType, String format) {
    }

    @Test
    void pipelineThroughputFreshnessAndItsLimits() throws Exception {
        Path jar = Path.of(System.getProperty("kamerqa.packaged.jar", "target/local-stack.jar")).toAbsolutePath();
        Path dir = OUT.resolve("run-" + Instant.now().toString().replace(':', '-')).toAbsolutePath();
        Files.createDirectories(dir);
        PackagedStack.Ports ports = PackagedStack.Ports.free();
        List<String> jvm = new ArrayList<>(List.of("-Xmx2g"));
        // e.g. -Dkamerqa.bench.jvm-options=-XX:StartFlightRecording=filename=/tmp/stack.jfr,settings=profile
        String extra = System.getProperty("kamerqa.bench.jvm-options", "");
        if (!extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        try (PackagedStack stack = new PackagedStack(jar, jvm, dir.resolve("data"), ports, KEY,
                Map.of("KAMERQA_UPLOAD_REQUESTS_PER_MINUTE", "0"), dir.resolve("stack.log"))) {
            stack.start();
            stack.awaitRunning(Duration.ofMinutes(3));
            stack.awaitSampleServed(Duration.ofMinutes(2));

            List<Doc> docs = documents(1, DOCUMENTS, MIX);
            long bytes = docs.stream().mapToLong(d -> d.bytes().length).sum();
            Map<String, Double> before = metrics(URI.create("http://127.0.0.1:" + ports.parser()));
            CpuSample cpuBefore = CpuSample.of(stack.pid());
            long start = System.nanoTime();
            List<String> accepted = postAll(stack.ingestUrl(), docs, CLIENTS);
            long allAccepted = System.nanoTime();
            awaitServed(stack.queryUrl(), accepted, Duration.ofMinutes(30));
            long allServed = System.nanoTime();
            CpuSample cpuAfter = CpuSample.of(stack.pid());
            Map<String, Double> after = metrics(URI.create("http://127.0.0.1:" + ports.parser()));

            double seconds = (allServed - start) / 1e9;
            report("pipeline mix=%s documents=%d accepted=%d clients=%d MB=%.1f accepted-in-s=%.1f served-in-s=%.1f "
                            + "documents/s=%.1f MB/s=%.2f", MIX, docs.size(), accepted.size(), CLIENTS, bytes / 1e6,
                    (allAccepted - start) / 1e9, seconds, accepted.size() / seconds, bytes / 1e6 / seconds);
            report("stack process (broker, MongoDB-wire server and the three services in one JVM): cpu-s=%.1f "
                            + "cpu-share-of-2-cores=%.0f%% rss-MB=%d", cpuAfter.cpuSeconds() - cpuBefore.cpuSeconds(),
                    100 * (cpuAfter.cpuSeconds() - cpuBefore.cpuSeconds()) / seconds / 2, cpuAfter.rssMb());
            stageSplit(before, after);

            List<Doc> steady = documents(DOCUMENTS + 1, STEADY_RATE * STEADY_SECONDS, MIX);
            freshness(stack, steady);

            producerLimit(stack, ports, docs);
            storeLimit(ports, docs);
            assertThat(accepted).as("accepted documents").hasSize(docs.size());
        }
    }

    // ------------------------------------------------------------------ documents

    /** Documents {@code first..first+count-1}: report text only, or the four formats in turn. */
    static List<Doc> documents(int first, int count, String mix) throws IOException {
        List<Report> texts = SampleVariants.variants(first, count);
        byte[] pdf = resource("packaged/ah-tk-20142015-698.pdf");
        byte[] docx = resource("packaged/antwoord-brandweer-0900.docx");
        byte[] xml = resource("packaged/ah-tk-20232024-1786.xml");
        List<Doc> docs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = first + i;
            String id = "kst-77777-" + n;
            int kind = "text".equals(mix) ? 0 : i % 4;
            docs.add(switch (kind) {
                case 0 -> new Doc(texts.get(i).documentId(), texts.get(i).input().content(), "text/plain; charset=utf-8",
                        "text");
                // bytes after %%EOF are ignored by PDF readers: a distinct content, the same document
                case 1 -> new Doc(id, concat(pdf, ("\n% kamerqa bench " + n + "\n").getBytes(StandardCharsets.US_ASCII)),
                        "application/pdf", "pdf");
                case 2 -> new Doc(id, withZipComment(docx, "kamerqa bench " + n),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");
                default -> new Doc(id, new String(xml, StandardCharsets.UTF_8)
                        .replaceFirst("\\?>", "?><!-- kamerqa bench " + n + " -->").getBytes(StandardCharsets.UTF_8),
                        "application/xml", "xml");
            });
        }
        return docs;
    }

    // ------------------------------------------------------------------ load

    /** Posts every document with {@code clients} threads; returns the ids answered 202. */
    private List<String> postAll(URI ingest, List<Doc> docs, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (Doc doc : docs) {
                answers.add(pool.submit(() -> post(ingest, doc)));
            }
            List<String> accepted = new ArrayList<>();
            for (Future<String> answer : answers) {
                String id = answer.get();
                if (id != null) {
                    accepted.add(id);
                }
            }
            return accepted;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The documentId when answered 202, else null (printed). */
    private String post(URI ingest, Doc doc) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(ingest.resolve("/api/documents?documentId="
                                + doc.documentId() + "&filename=" + doc.documentId() + "." + doc.format()))
                        .header("X-API-Key", KEY).header("Content-Type", doc.contentType())
                        .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofByteArray(doc.bytes())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            report("upload of %s answered %d: %s", doc.documentId(), response.statusCode(), response.body());
            return null;
        }
        return doc.documentId();
    }

    private void awaitServed(URI query, List<String> ids, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        List<String> pending = new ArrayList<>(ids);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            pending.removeIf(id -> served(query, id));
            if (!pending.isEmpty()) {
                Thread.sleep(200);
            }
        }
        assertThat(pending).as("accepted but not served").isEmpty();
    }

    private boolean served(URI query, String id) {
        try {
            return http.send(HttpRequest.newBuilder(query.resolve("/api/documents/" + id)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A steady rate, one client; for each document the time from its 202 until query-service serves it
     * ({@code /api/documents/{id}}, from MongoDB) and until it is searchable (its questions in the search index).
     */
    private void freshness(PackagedStack stack, List<Doc> docs) throws Exception {
        // in the order sent (LinkedHashMap), guarded by their own monitors
        Map<String, Long> awaitingServed = new java.util.LinkedHashMap<>();
        Map<String, Long> awaitingSearchable = new java.util.LinkedHashMap<>();
        List<Double> served = Collections.synchronizedList(new ArrayList<>());
        List<Double> searchable = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger posted = new AtomicInteger();
        Thread watcher = new Thread(() -> {
            while (posted.get() < docs.size() || !isEmpty(awaitingServed) || !isEmpty(awaitingSearchable)) {
                check(awaitingServed, served, id -> served(stack.queryUrl(), id));
                check(awaitingSearchable, searchable, id -> searchable(stack.queryUrl(), id));
                try {
                    Thread.sleep(10);
                } catch (InterruptedException ex) {
                    return;
                }
            }
        }, "freshness-watcher");
        watcher.start();
        long interval = 1_000_000_000L / STEADY_RATE;
        long next = System.nanoTime();
        for (Doc doc : docs) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            next += interval;
            if (post(stack.ingestUrl(), doc) != null) {
                long at = System.nanoTime();
                synchronized (awaitingServed) {
                    awaitingServed.put(doc.documentId(), at);
                }
                synchronized (awaitingSearchable) {
                    awaitingSearchable.put(doc.documentId(), at);
                }
            }
            posted.incrementAndGet();
        }
        watcher.join(Duration.ofMinutes(5).toMillis());
        watcher.interrupt();
        for (var measured : List.of(Map.entry("served", served), Map.entry("searchable", searchable))) {
            List<Double> sorted = new ArrayList<>(measured.getValue());
            Collections.sort(sorted);
            report("freshness %s rate=%d/s documents=%d measured=%d p50-ms=%.0f p99-ms=%.0f max-ms=%.0f (202 answered -> %s; "
                            + "the oldest 5 awaited polled every 10 ms)", measured.getKey(), STEADY_RATE, docs.size(), sorted.size(),
                    percentile(sorted, 50), percentile(sorted, 99), percentile(sorted, 100),
                    measured.getKey().equals("served") ? "GET /api/documents/{id} 200"
                            : "GET /api/questions?documentId={id} finds its questions in the search index");
        }
    }

    /**
     * Moves the awaited documents that have arrived from {@code awaiting} to their latencies. Only the oldest few are
     * asked each round: documents arrive about in the order they were sent, and asking for every awaited one every
     * 10 ms would load the stack with thousands of requests a second once a backlog forms.
     */
    private static void check(Map<String, Long> awaiting, List<Double> latencies,
                              java.util.function.Predicate<String> arrived) {
        List<Map.Entry<String, Long>> oldest;
        synchronized (awaiting) {
            oldest = awaiting.entrySet().stream().limit(CHECKED_PER_ROUND).map(e -> Map.entry(e.getKey(), e.getValue())).toList();
        }
        for (Map.Entry<String, Long> e : oldest) {
            if (arrived.test(e.getKey())) {
                latencies.add((System.nanoTime() - e.getValue()) / 1e6);
                synchronized (awaiting) {
                    awaiting.remove(e.getKey());
                }
            }
        }
    }

    private static boolean isEmpty(Map<String, Long> awaiting) {
        synchronized (awaiting) {
            return awaiting.isEmpty();
        }
    }

    private boolean searchable(URI query, String id) {
        try {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(query.resolve(
                    "/api/questions?limit=1&documentId=" + URLEncoder.encode(id, StandardCharsets.UTF_8))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return page.statusCode() == 200 && !page.body().contains("\"total\":0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ------------------------------------------------------------------ limits

    /** Kafka's own producer tool against the same broker, records of the raw events' size, acks=all. */
    private void producerLimit(PackagedStack stack, PackagedStack.Ports ports, List<Doc> docs) throws Exception {
        // a raw event carries the document base64-encoded in JSON: about 4/3 of the document plus ~600 bytes
        int recordSize = (int) (docs.stream().mapToLong(d -> d.bytes().length).average().orElse(0) * 4 / 3 + 600);
        int records = Math.max(1000, docs.size() * 2);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ProducerPerformance.main(new String[]{"--topic", "bench.producer-limit", "--num-records",
                    String.valueOf(records), "--record-size", String.valueOf(recordSize), "--throughput", "-1",
                    "--producer-props", "bootstrap.servers=127.0.0.1:" + ports.kafka(), "acks=all",
                    "enable.idempotence=true", "max.request.size=" + Math.max(1_048_576, 2 * recordSize)});
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8).strip();
        String last = output.lines().reduce((a, b) -> b).orElse("");
        report("limit: kafka ProducerPerformance records=%d record-size=%d acks=all: %s", records, recordSize, last);
        Matcher perSecond = Pattern.compile("([\\d.]+) records/sec").matcher(last);
        if (perSecond.find()) {
            report("limit: broker produce rate for these records = %.0f records/s", Double.parseDouble(perSecond.group(1)));
        }
    }

    /** The same question records as the pipeline stores, bulk-upserted straight into the same MongoDB-wire server. */
    private void storeLimit(PackagedStack.Ports ports, List<Doc> docs) {
        QaParser parser = QaParser.create();
        List<List<Document>> perDocument = new ArrayList<>();
        for (Doc doc : docs.subList(0, Math.min(200, docs.size()))) {
            ParsedDocument parsed = parser.parse(doc.bytes());
            List<Document> questions = new ArrayList<>();
            int position = 0;
            for (ParsedDocument.Question q : parsed.questions()) {
                Map<?, ?> fields = JSON.convertValue(q, Map.class);
                Document record = new Document("_id", "bench-" + doc.documentId() + "#" + (++position));
                fields.forEach((k, v) -> record.put(String.valueOf(k), v));
                questions.add(record);
            }
            perDocument.add(questions);
        }
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + ports.mongo())) {
            MongoCollection<Document> target = client.getDatabase("kamerqa_bench").getCollection("questions");
            long start = System.nanoTime();
            int written = 0;
            for (List<Document> questions : perDocument) {
                if (!questions.isEmpty()) {
                    target.bulkWrite(questions.stream().map(q -> new ReplaceOneModel<>(
                                    new Document("_id", q.get("_id")), q, new ReplaceOptions().upsert(true))).toList(),
                            new BulkWriteOptions().ordered(false));
                    written += questions.size();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            report("limit: store bulk upsert of the same questions, one bulkWrite per document: documents=%d "
                            + "questions=%d in %.1f s = %.0f documents/s, %.0f questions/s", perDocument.size(), written,
                    seconds, perDocument.size() / seconds, written / seconds);
        }
    }

    // ------------------------------------------------------------------ figures

    /**
     * Per-stage time per document from parser-service's own timers, during the full-speed run. The listener and the
     * store work a poll's batch at a time, so their time per document is the batch time shared out over its
     * documents; each consumer thread spends whole-record-ms per document.
     */
    private void stageSplit(Map<String, Double> before, Map<String, Double> after) {
        double parsed = delta(after, before, "kamerqa_parser_parse_seconds_count");
        if (parsed <= 0) {
            report("stages: no parse timer samples");
            return;
        }
        double parse = delta(after, before, "kamerqa_parser_parse_seconds_sum") / parsed * 1000;
        double store = delta(after, before, "kamerqa_parser_store_seconds_sum") / parsed * 1000;
        double listener = delta(after, before, "spring_kafka_listener_seconds_sum") / parsed * 1000;
        double batches = delta(after, before, "kamerqa_parser_store_batch_documents_count");
        double perBatch = batches <= 0 ? Double.NaN
                : delta(after, before, "kamerqa_parser_store_batch_documents_sum") / batches;
        report("stages per document (parser-service timers): parse-ms=%.1f store-ms=%.1f whole-record-ms=%.1f "
                + "publish-and-rest-ms=%.1f documents-per-store-write=%.1f", parse, store, listener,
                listener - parse - store, perBatch);
    }

    /** Sums of all series of each metric name in the Prometheus text. */
    private Map<String, Double> metrics(URI service) throws IOException, InterruptedException {
        String body = http.send(HttpRequest.newBuilder(service.resolve("/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> sums = new HashMap<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String name = line.split("[{ ]", 2)[0];
            String value = line.substring(line.lastIndexOf(' ') + 1);
            try {
                sums.merge(name, Double.parseDouble(value), Double::sum);
            } catch (NumberFormatException ignored) {
                // not a sample line
            }
        }
        return sums;
    }

    private static double delta(Map<String, Double> after, Map<String, Double> before, String name) {
        return after.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0);
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** Prints a figures line and appends it to target/bench/pipeline.txt (the raw output BENCHMARKS.md quotes). */
    private static void report(String format, Object... args) {
        String line = "bench: " + format.formatted(args);
        System.out.println(line);
        try {
            Files.createDirectories(OUT);
            Files.writeString(OUT.resolve("pipeline.txt"), Instant.now() + " " + line + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CPU seconds (user + system) and resident memory of a process, from /proc. */
    record CpuSample(double cpuSeconds, long rssMb) {

        static CpuSample of(long pid) throws IOException {
            String[] stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat")).split(" ");
            double ticks = Double.parseDouble(stat[13]) + Double.parseDouble(stat[14]);
            long rssKb = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
                    .findFirst().orElse(0);
            return new CpuSample(ticks / 100.0, rssKb / 1024);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PipelineBenchmarkIT.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is not on the class path");
            }
            return in.readAllBytes();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** The same Word document with a zip comment of its own, so its bytes differ and its parts do not. */
    private static byte[] withZipComment(byte[] docx, String comment) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            zip.setComment(comment);
        }
        return out.toByteArray();
    }
}
