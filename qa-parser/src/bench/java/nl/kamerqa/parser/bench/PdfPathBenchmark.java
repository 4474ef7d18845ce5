package nl.kamerqa.parser.bench;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.parser.QaParser;
import nl.kamerqa.parser.format.PdfTextExtractor;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The PDF path on a real Kamervragen PDF (ah-tk-20232024-1786, 6 pages), once as published and once as 20 copies
 * merged into one 120-page PDF: QaParser.parse of the bytes (sniff, PDFBox extraction, text parse, the whole record),
 * the PDFBox extraction alone, and poppler's {@code pdftotext} on the same file, run as a process the way a Java
 * service would call it, its output read in full. Divide ops/s by the pages to get pages/s ({@link BenchmarkMain}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PdfPathBenchmark {

    static final String PDF = "/formats/ah-tk-20232024-1786.pdf";
    static final int PAGES = 6;

    @Param({"1", "20"})
    public int copies;

    private QaParser parser;
    private byte[] pdf;
    private Path file;

    @Setup(Level.Trial)
    public void load() throws IOException {
        parser = QaParser.create();
        pdf = copies(read(), copies);
        file = Files.createTempFile("kamerqa-bench-", ".pdf");
        Files.write(file, pdf);
    }

    @TearDown(Level.Trial)
    public void remove() throws IOException {
        Files.deleteIfExists(file);
    }

    static byte[] read() throws IOException {
        try (InputStream in = PdfPathBenchmark.class.getResourceAsStream(PDF)) {
            return in.readAllBytes();
        }
    }

    /** One PDF of {@code n} copies of the document, merged page after page. */
    static byte[] copies(byte[] pdf, int n) throws IOException {
        if (n == 1) {
            return pdf;
        }
        PDFMergerUtility merger = new PDFMergerUtility();
        try (PDDocument target = new PDDocument()) {
            for (int i = 0; i < n; i++) {
                try (PDDocument source = Loader.loadPDF(pdf)) {
                    merger.appendDocument(target, source);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            target.save(out);
            return out.toByteArray();
        }
    }

    /** The whole PDF path: the record as parser-service and the CLI get it. */
    @Benchmark
    public ParsedDocument qaParserParse() {
        return parser.parse(pdf);
    }

    /** Only the PDFBox text extraction (glyphs, lines, footnotes, footers), without the text parse. */
    @Benchmark
    public String pdfboxExtract() {
        return PdfTextExtractor.extract(pdf);
    }

    /** poppler's pdftotext on the same file, as a process, its text read in full. */
    @Benchmark
    public long pdftotext() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pdftotext", "-q", "-enc", "UTF-8", file.toString(), "-")
                .redirectErrorStream(true).start();
        long length;
        try (InputStream in = process.getInputStream()) {
            length = in.readAllBytes().length;
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pdftotext failed");
        }
        return length;
    }
}
