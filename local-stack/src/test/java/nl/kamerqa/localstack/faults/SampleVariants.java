package nl.kamerqa.localstack.faults;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.localstack.faults.ReportDocuments.Report;
import nl.kamerqa.parser.QaParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Report-sized documents made from the bundled sample (Kamerstuk 36 200 VII, nr. 147: 86 KB of text, 46 questions),
 * so that storing each is real work: in document {@code n} every page footer names Kamerstuk 88 888, nr. n instead,
 * which makes its content distinct, and it is uploaded as {@code kst-88888-n.txt}, so ingest publishes it under
 * the official id {@code kst-88888-n}. The number of questions to expect is qa-parser's own answer for that text.
 */
final class SampleVariants {

    static final String SAMPLE = "samples/kst-36200-VII-147.txt";
    static final String DOSSIER = "88888";
    private static final String SAMPLE_FOOTER = "36 200 VII, nr. 147";

    private SampleVariants() {
    }

    /** Documents {@code first} .. {@code first + count - 1}. */
    static List<Report> variants(int first, int count) throws IOException {
        String sample = sampleText();
        if (!sample.contains(SAMPLE_FOOTER)) {
            throw new IllegalStateException(SAMPLE + " no longer has the footer '" + SAMPLE_FOOTER + "' to vary");
        }
        QaParser parser = QaParser.create();
        List<Report> reports = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            String documentId = "kst-" + DOSSIER + "-" + n;
            String text = sample.replace(SAMPLE_FOOTER, "88 888, nr. " + n);
            ParsedDocument parsed = parser.parseText(text);
            if (parsed.questions().isEmpty() || !documentId.equals(parsed.documentId())) {
                throw new IllegalStateException("variant " + n + " of " + SAMPLE + " parses to " + parsed.documentId()
                        + " with " + parsed.questions().size() + " questions; it would prove nothing");
            }
            Input input = new Input(documentId, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8",
                    Map.of("filename", documentId + ".txt"), false, Input.Expected.STORED);
            reports.add(new Report(n, documentId, parsed.questions().size(), input));
        }
        return List.copyOf(reports);
    }

    private static String sampleText() throws IOException {
        try (InputStream in = SampleVariants.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IOException(SAMPLE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
