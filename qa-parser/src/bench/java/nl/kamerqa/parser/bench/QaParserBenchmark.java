package nl.kamerqa.parser.bench;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.parser.QaParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Parse throughput on the sample report, and a bare line scan of the same text as the floor to compare with. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class QaParserBenchmark {

    static final String SAMPLE = "/samples/kst-36200-VII-147.txt";

    private QaParser parser;
    private String text;

    @Setup
    public void load() throws IOException {
        parser = QaParser.create();
        text = read();
    }

    static String read() throws IOException {
        try (InputStream in = QaParserBenchmark.class.getResourceAsStream(SAMPLE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The whole parse: lines, pages, footnotes, questions, answers, references. */
    @Benchmark
    public ParsedDocument parse() {
        return parser.parseText(text);
    }

    /** The least any line-based reader does: cut the text into lines and look at each. */
    @Benchmark
    public long lineScan() {
        return text.lines().mapToLong(line -> line.isEmpty() ? 1 : line.length() + line.charAt(0)).sum();
    }
}
