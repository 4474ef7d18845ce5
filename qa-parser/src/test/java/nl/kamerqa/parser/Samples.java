package nl.kamerqa.parser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test fixtures: public parliamentary texts copied into src/test/resources/samples. */
public final class Samples {

    private Samples() {
    }

    /** Kamerstuk 36 200 VII, nr. 147 (pages 2-26): a "verslag van een schriftelijk overleg" as extracted text. */
    public static String reportWithCombinedAnswers() {
        return resource("/samples/kst-36200-VII-147.txt");
    }

    /** The hand-checked expectation for {@link #reportWithCombinedAnswers()} (qa_score.py's gold format). */
    public static String reportWithCombinedAnswersExpected() {
        return resource("/samples/kst-36200-VII-147.expected.json");
    }

    static String resource(String name) {
        try (InputStream in = Samples.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
