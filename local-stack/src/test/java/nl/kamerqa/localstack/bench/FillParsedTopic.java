package nl.kamerqa.localstack.bench;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.parser.QaParser;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Benchmark data: parsed events written straight to the parsed topic, generated from the shared samples' real texts
 * (parsed here by qa-parser) under distinct document ids and submission dates spread over 2008-2025, until the
 * topic holds the asked number of questions. Not a test: run by query-service's
 * {@code src/test/bench/run-benchmark.sh}. It lives in local-stack, where the whole stack is assembled, so that
 * query-service does not depend on the parser library at all (nor wait for its tests in the build).
 * <p>
 * Arguments: bootstrap servers, topic, number of questions, folder with the sample texts.
 */
public final class FillParsedTopic {

    private static final List<String> PARTIES = List.of("VVD", "D66", "PVV", "CDA", "SP", "GroenLinks-PvdA", "NSC",
            "BBB", "ChristenUnie", "SGP", "PvdD", "JA21", "Volt", "DENK", "FvD");
    private static final List<String> MINISTRIES = List.of("Financiën", "Justitie en Veiligheid",
            "Volksgezondheid, Welzijn en Sport", "Binnenlandse Zaken en Koninkrijksrelaties", "Onderwijs, Cultuur en Wetenschap",
            "Infrastructuur en Waterstaat", "Sociale Zaken en Werkgelegenheid", "Economische Zaken", "Defensie");

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        long wanted = Long.parseLong(args[2]);
        Path samples = Path.of(args[3]);
        List<ParsedDocument> templates = templates(samples);
        JsonMapper json = JsonMapper.builder().build();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)
                        .configs(Map.of("cleanup.policy", "compact", "max.message.bytes", "10485760")))).all().get();
            }
        } catch (ExecutionException e) {
            // created meanwhile by parser-service: fine
        }
        long questions = 0;
        int n = 0;
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 10 << 20), new StringSerializer(), new ByteArraySerializer())) {
            while (questions < wanted) {
                ParsedDocument variant = variant(templates.get(n % templates.size()), n);
                producer.send(new ProducerRecord<>(topic, variant.documentId(), json.writeValueAsBytes(variant)));
                questions += variant.questions().size();
                n++;
            }
            producer.flush();
        }
        System.out.printf("wrote %d documents with %d questions to %s in %.1f s%n", n, questions, topic,
                (System.nanoTime() - started) / 1e9);
    }

    private static List<ParsedDocument> templates(Path samples) throws Exception {
        QaParser parser = QaParser.create();
        List<ParsedDocument> templates = new ArrayList<>();
        try (var files = Files.list(samples)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                ParsedDocument parsed = parser.parse(Files.readAllBytes(file));
                if (!parsed.questions().isEmpty()) {
                    templates.add(parsed);
                }
            }
        }
        if (templates.isEmpty()) {
            throw new IllegalStateException("no sample texts with questions in " + samples);
        }
        return templates;
    }

    /** The template under its own id, with a date, parties and (for Kamervragen) a ministry of its own. */
    private static ParsedDocument variant(ParsedDocument template, int n) {
        LocalDate asked = LocalDate.of(2008, 1, 1).plusDays(n % 6500);
        String party = PARTIES.get(n % PARTIES.size());
        String ministry = MINISTRIES.get(n % MINISTRIES.size());
        List<ParsedDocument.Question> questions = template.questions().stream()
                .map(q -> new ParsedDocument.Question(q.number(), q.party() == null ? party : q.party(), q.text(),
                        q.page(), q.line(), q.footnotes(), q.answer()))
                .toList();
        String id = template.dossier() != null ? "kst-" + (40000 + n) + "-bench" : "ah-tk-bench-" + n;
        ParsedDocument.Kamervragen kamervragen = new ParsedDocument.Kamervragen(
                List.of(new ParsedDocument.Asker("Lid " + (n % 150), party)), "Minister van " + ministry,
                "onderwerp " + n, "Minister X (" + ministry + ")", asked.toString(),
                asked.plusDays(14 + n % 60).toString(), Integer.toString(n), null);
        return new ParsedDocument(template.schemaVersion(), id, template.genre(), template.title(), template.kamer(),
                template.vergaderjaar(), template.dossier() == null ? null : Integer.toString(40000 + n),
                template.ondernummer(), template.parties(), questions, template.footnotes(), template.references(),
                template.warnings(), template.parser(), template.provenance(), kamervragen);
    }
}
