package nl.kamerqa.localstack.faults;

import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.contracts.Topics;
import nl.kamerqa.localstack.faults.Input.Expected;
import nl.kamerqa.localstack.faults.Observer.StoredDocument;
import nl.kamerqa.localstack.faults.Observer.TopicRecord;
import nl.kamerqa.localstack.faults.ReportDocuments.Report;
import nl.kamerqa.localstack.faults.Uploader.Upload;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault 4: fifty bad inputs (48 uploads, 2 poison records written straight to the raw topic) interleaved with fifty
 * good reports. Every bad input must be accounted for: a 4xx with a reason at ingest, a dead letter with a reason,
 * or (well-formed, but without questions) stored with zero questions and a warning. No service restarts, and every
 * good document sent between them is stored.
 */
@Tag("faults")
@Timeout(value = 25, unit = TimeUnit.MINUTES)
class BadInputFaultTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REASON = "kamerqa_dlt_reason";

    enum Outcome { REJECTED, DUPLICATE, DEAD_LETTERED, STORED_EMPTY, STORED_WITH_QUESTIONS, UNACCOUNTED }

    /** What became of one bad input. */
    record Account(String name, Expected expected, Outcome outcome, int status, String reason) {

        boolean asExpected() {
            return switch (expected) {
                case REJECTED_400 -> outcome == Outcome.REJECTED && status == 400;
                case REJECTED_413 -> outcome == Outcome.REJECTED && status == 413;
                case REJECTED_415 -> outcome == Outcome.REJECTED && status == 415;
                case DEAD_LETTERED_OR_STORED_EMPTY -> outcome == Outcome.REJECTED || outcome == Outcome.DEAD_LETTERED
                        || outcome == Outcome.STORED_EMPTY;
                case DUPLICATE -> outcome == Outcome.DUPLICATE;
                case STORED -> outcome == Outcome.STORED_WITH_QUESTIONS;
            };
        }
    }

    /** A record written to the raw topic directly, as a broken or hostile producer would. */
    record Poison(String key, byte[] value) {
    }

    @Test
    void everyBadInputIsRefusedOrDeadLetteredWithAReasonAndGoodDocumentsBetweenThemAreStored() throws Exception {
        List<Input> bad = BadInputs.all();
        List<Report> good = ReportDocuments.reports(1001, 50);
        List<Poison> poison = List.of(
                new Poison("poison-not-json", "{\"schemaVersion\": 1, \"documentId\": ".getBytes(StandardCharsets.UTF_8)),
                new Poison("poison-sha-mismatch", JSON.writeValueAsBytes(new RawDocument(RawDocument.SCHEMA_VERSION,
                        "poison-sha-mismatch", "0".repeat(64), "text/plain", "faults", null, null,
                        Instant.now().toString(), Map.of(), "not what the hash says".getBytes(StandardCharsets.UTF_8)))));
        assertThat(bad.size() + poison.size()).isEqualTo(50);

        try (FaultStack stack = FaultStack.start("bad-inputs");
             Observer observer = new Observer(stack);
             KafkaProducer<String, byte[]> producer = producer(stack)) {
            Map<String, Long> pids = stack.pids();
            Uploader uploader = new Uploader(stack.ingest.url(), FaultStack.API_KEY, GoodBatch.RETRY_AFTER_CAP,
                    GoodBatch.MAX_ATTEMPTS);

            // bad, good, bad, good, ...: the last two bad ones are the poison records
            Map<Input, Upload> badUploads = new LinkedHashMap<>();
            List<Upload> goodUploads = new ArrayList<>();
            for (int i = 0; i < good.size(); i++) {
                if (i < bad.size()) {
                    badUploads.put(bad.get(i), uploader.send(bad.get(i)));
                } else {
                    Poison p = poison.get(i - bad.size());
                    producer.send(new ProducerRecord<>(Topics.RAW, p.key(), p.value())).get(30, TimeUnit.SECONDS);
                }
                goodUploads.add(uploader.send(good.get(i).input()));
            }

            Map<String, Integer> expectedGood = new LinkedHashMap<>();
            good.forEach(r -> expectedGood.put(r.documentId(), r.questions()));
            try {
                await("good documents stored, raw topic consumed, bad inputs accounted for")
                        .atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                        .until(() -> observer.storedCorrectly(expectedGood) == good.size() && observer.parserDrained()
                                && accounts(badUploads, poison, observer).stream()
                                .noneMatch(a -> a.outcome() == Outcome.UNACCOUNTED));
            } catch (ConditionTimeoutException e) {
                System.out.println("faults: bad-inputs: " + e.getMessage());
            }

            // the account
            List<Account> accounts = accounts(badUploads, poison, observer);
            Map<String, StoredDocument> stored = observer.storedDocuments();
            Map<String, Long> questions = observer.questionsPerDocument();
            List<TopicRecord> deadLetters = observer.readAll(Topics.RAW_DLT);
            int goodStored = (int) observer.storedCorrectly(expectedGood);
            int goodQueryable = 0;
            for (Report r : good) {
                if (observer.questionsServed(r.documentId()) == r.questions()) {
                    goodQueryable++;
                }
            }
            writeTable(accounts);
            List<Upload> allUploads = new ArrayList<>(badUploads.values());
            allUploads.addAll(goodUploads);
            Map<Outcome, Long> byOutcome = accounts.stream()
                    .collect(Collectors.groupingBy(Account::outcome, LinkedHashMap::new, Collectors.counting()));
            List<StoredDocument> storedEmpty = stored.values().stream().filter(d -> d.questionCount() == 0).toList();
            int duplicated = GoodBatch.duplicatedDocuments(stored) + GoodBatch.duplicatedQuestions(stored, questions);
            int unaccounted = byOutcome.getOrDefault(Outcome.UNACCOUNTED, 0L).intValue();
            Map<String, String> health = stack.health();

            Map<String, Object> more = new LinkedHashMap<>();
            more.put("good", good.size());
            more.put("bad", bad.size() + poison.size());
            more.put("bad-via-kafka", poison.size());
            more.put("good-stored", goodStored);
            more.put("good-queryable", goodQueryable);
            more.put("bad-accounted", accounts.size() - unaccounted);
            more.put("bad-not-as-expected", accounts.stream().filter(a -> !a.asExpected()).count());
            more.put("bad-outcomes", byOutcome.toString().replace(" ", ""));
            // raw records the parser never finished (a record it can neither process nor dead-letter blocks its partition)
            more.put("parser-lag", observer.parserLag());
            more.put("retried-429", allUploads.stream().mapToInt(Upload::rateLimited).sum());
            more.put("retried-503", allUploads.stream().mapToInt(Upload::unavailable).sum());
            more.put("stored-empty-with-warning", storedEmpty.stream().filter(d -> !d.warnings().isEmpty()).count());
            more.put("service-restarts", stack.services().stream().filter(s -> !s.isAlive()
                    || !pids.get(s.name()).equals(s.pid())).count());
            more.put("health", String.join("/", health.values()));
            Figures figures = new Figures("bad-inputs", good.size() + bad.size() + poison.size(),
                    (int) allUploads.stream().filter(Upload::accepted).count() + poison.size(),
                    (int) allUploads.stream().filter(Upload::duplicate).count(),
                    (int) allUploads.stream().filter(Upload::clientError).count(),
                    goodStored + byOutcome.getOrDefault(Outcome.STORED_WITH_QUESTIONS, 0L).intValue(),
                    byOutcome.getOrDefault(Outcome.STORED_EMPTY, 0L).intValue(), duplicated, deadLetters.size(),
                    (good.size() - goodStored) + unaccounted, more).report();

            // every bad input accounted for, in the way expected of it
            assertThat(accounts).as("bad inputs with no outcome (not refused, not dead-lettered, not stored)")
                    .filteredOn(a -> a.outcome() == Outcome.UNACCOUNTED).isEmpty();
            assertThat(accounts).as("bad inputs not handled as expected").allMatch(Account::asExpected);
            assertThat(accounts).as("each bad input's exact outcome, status and reason (BadInputOutcomes)")
                    .allSatisfy(a -> {
                        BadInputOutcomes.Expectation expected = BadInputOutcomes.EXPECTED.get(a.name());
                        assertThat(expected).as("an expectation for %s", a.name()).isNotNull();
                        assertThat(a.outcome()).as("outcome of %s", a.name()).isEqualTo(expected.outcome());
                        assertThat(a.status()).as("status of %s", a.name()).isEqualTo(expected.status());
                        assertThat(a.reason()).as("reason of %s", a.name()).contains(expected.reason());
                    });
            assertThat(accounts).as("every expectation met by an input").hasSameSizeAs(BadInputOutcomes.EXPECTED.keySet());
            assertThat(accounts).as("refusals and dead letters say why")
                    .filteredOn(a -> a.outcome() == Outcome.REJECTED || a.outcome() == Outcome.DEAD_LETTERED)
                    .allSatisfy(a -> assertThat(a.reason()).as(a.name()).isNotBlank());
            assertThat(deadLetters).as("dead letters carry the failure and where the record came from")
                    .allSatisfy(d -> {
                        assertThat(d.header(REASON)).as("reason of %s", d.key()).isNotBlank();
                        assertThat(d.header("kafka_dlt-exception-fqcn")).as("exception of %s", d.key()).isNotBlank();
                        assertThat(d.header("kafka_dlt-original-topic")).as("topic of %s", d.key()).isEqualTo(Topics.RAW);
                        assertThat(d.header("kafka_dlt-original-offset")).as("offset of %s", d.key()).isNotBlank();
                    });
            Set<String> goodIds = expectedGood.keySet();
            assertThat(deadLetters).as("good documents dead-lettered").noneMatch(d -> goodIds.contains(d.key()));
            assertThat(deadLetters.size()).as("one dead letter per dead-lettered input")
                    .isEqualTo(byOutcome.getOrDefault(Outcome.DEAD_LETTERED, 0L).intValue());
            assertThat(storedEmpty).as("documents stored without questions carry a warning saying so")
                    .allSatisfy(d -> assertThat(d.warnings()).as(d.id()).isNotEmpty());
            assertThat(observer.storedTextContains("root:x:0:0")).as("a file read through an XML external entity")
                    .isFalse();

            // the good ones, and the services
            assertThat(goodStored).as("good documents stored with their questions").isEqualTo(good.size());
            assertThat(goodQueryable).as("good documents query-service serves").isEqualTo(good.size());
            assertThat(duplicated).as("documents or questions stored twice").isZero();
            assertThat(stack.services()).as("services still running").allMatch(ServiceProcess::isAlive);
            assertThat(stack.pids()).as("no service restarted").isEqualTo(pids);
            assertThat(health).as("health at the end").allSatisfy((name, status) ->
                    assertThat(status).as(name).isEqualTo("UP"));
        }
    }

    private static List<Account> accounts(Map<Input, Upload> uploads, List<Poison> poison, Observer observer) {
        Map<String, StoredDocument> stored = observer.storedDocuments();
        Map<String, TopicRecord> deadLetters = new LinkedHashMap<>();
        observer.readAll(Topics.RAW_DLT).forEach(d -> deadLetters.putIfAbsent(d.key(), d));
        List<Account> accounts = new ArrayList<>();
        for (Map.Entry<Input, Upload> e : uploads.entrySet()) {
            Input input = e.getKey();
            Upload u = e.getValue();
            Outcome outcome;
            String reason;
            if (u.clientError()) {
                outcome = Outcome.REJECTED;
                reason = u.detail();
            } else if (u.duplicate()) {
                outcome = Outcome.DUPLICATE;
                reason = "same bytes as " + u.documentId();
            } else if (u.accepted() && deadLetters.containsKey(u.documentId())) {
                outcome = Outcome.DEAD_LETTERED;
                reason = deadLetters.get(u.documentId()).header(REASON);
            } else if (u.accepted()) {
                Optional<StoredDocument> document = stored.values().stream()
                        .filter(d -> u.contentSha256().equals(d.contentSha256())).findFirst();
                outcome = document.map(d -> d.questionCount() == 0 ? Outcome.STORED_EMPTY
                        : Outcome.STORED_WITH_QUESTIONS).orElse(Outcome.UNACCOUNTED);
                reason = document.map(d -> d.id() + " " + d.questionCount() + " questions, warnings "
                        + d.warnings()).orElse("accepted as " + u.documentId() + ", neither stored nor dead-lettered");
            } else {
                outcome = Outcome.UNACCOUNTED;
                reason = "no final answer: " + u.status() + " " + u.body();
            }
            accounts.add(new Account(input.name(), input.expected(), outcome, u.status(), reason));
        }
        for (Poison p : poison) {
            TopicRecord d = deadLetters.get(p.key());
            accounts.add(new Account(p.key() + " (via Kafka)", Expected.DEAD_LETTERED_OR_STORED_EMPTY,
                    d == null ? Outcome.UNACCOUNTED : Outcome.DEAD_LETTERED, 0,
                    d == null ? "not on the dead-letter topic" : d.header(REASON)));
        }
        return accounts;
    }

    /** One line per bad input, in the test output and in target/faults/bad-inputs/inputs.tsv and inputs.md. */
    private static void writeTable(List<Account> accounts) throws Exception {
        StringBuilder tsv = new StringBuilder("input\texpected\toutcome\tstatus\treason\n");
        for (Account a : accounts) {
            String reason = a.reason() == null ? "" : a.reason().replaceAll("\\s+", " ");
            String shortReason = reason.length() > 160 ? reason.substring(0, 159) + "…" : reason;
            System.out.printf("faults: bad-inputs | %-32s | %-29s | %-21s | %3d | %s%n", a.name(), a.expected(),
                    a.outcome() + (a.asExpected() ? "" : " (!)"), a.status(), shortReason);
            tsv.append(String.join("\t", a.name(), a.expected().name(), a.outcome().name(),
                    Integer.toString(a.status()), reason)).append('\n');
        }
        Path file = Path.of("target", "faults", "bad-inputs", "inputs.tsv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, tsv, StandardCharsets.UTF_8);
        // the same as a Markdown table, for RELIABILITY.md
        StringBuilder markdown = new StringBuilder("| input | outcome | status | reason |\n|---|---|---|---|\n");
        for (Account a : accounts) {
            String reason = a.reason() == null ? "" : a.reason().replaceAll("\\s+", " ").replace("|", "\\|");
            markdown.append("| ").append(a.name()).append(" | ").append(a.outcome()).append(" | ")
                    .append(a.status() == 0 ? "(via Kafka)" : Integer.toString(a.status())).append(" | ")
                    .append(reason.length() > 120 ? reason.substring(0, 119) + "…" : reason).append(" |\n");
        }
        Files.writeString(file.resolveSibling("inputs.md"), markdown, StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, byte[]> producer(FaultStack stack) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }
}
