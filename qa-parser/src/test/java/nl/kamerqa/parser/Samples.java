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

    /** Kamervragen 2014–2015 nr. 698 as PDF: "Vraag 2 en 3" in one block, 4 footnotes, markers "?1, 2". */
    public static byte[] kamervragenWithCombinedQuestionsPdf() {
        return bytes("/formats/ah-tk-20142015-698.pdf");
    }

    /** Kamervragen 2023–2024 nr. 1786 as PDF: 6 pages, 15 questions, 16 footnotes, two askers of two parties. */
    public static byte[] kamervragenWithSixteenFootnotesPdf() {
        return bytes("/formats/ah-tk-20232024-1786.pdf");
    }

    /** Kamervragen 2023–2024 nr. 1999 as PDF: three questions and a Mededeling instead of answers. */
    public static byte[] kamervragenWithMededelingPdf() {
        return bytes("/formats/ah-tk-20232024-1999.pdf");
    }

    /** A ministry's answer letter in Word: letterhead tables, typed notes "1)" and a Word footnote "[1]". */
    public static byte[] answerLetterDocx() {
        return bytes("/formats/antwoord-brandweer-0900.docx");
    }

    /** The same answer letter as {@code pandoc -t plain} gives it: the letterhead as grid tables. */
    public static String answerLetterPandocText() {
        return resource("/formats/antwoord-brandweer-0900.pandoc.txt");
    }

    /** {@code pdftotext} (default mode) of a shared Kamervragen PDF, e.g. "ah-tk-20142015-698". */
    public static String pdftotext(String id) {
        return resource("/samples/" + id + ".pdftotext.txt");
    }

    /** {@code pdftotext -layout} (poppler 22.12) of a shared Kamervragen PDF. */
    public static String pdftotextLayout(String id) {
        return resource("/samples/" + id + ".pdftotext-layout.txt");
    }

    /** A lijst van vragen en antwoorden: bare numbers, "Antwoord" lines, "5, 6 en 7", three pages. */
    public static String lijstVanVragenWithBareNumbers() {
        return resource("/genres/kst-36410-XV-12.txt");
    }

    /** A verslag houdende een lijst van vragen en antwoorden: "Vraag N", answers without heading, CRLF. */
    public static String lijstVanVragenWithoutAnswerHeadings() {
        return resource("/genres/kst-36496-5.txt");
    }

    /** A nota naar aanleiding van het verslag: margin numbers, parties named in and inherited by the questions. */
    public static String notaNaarAanleidingVanHetVerslag() {
        return resource("/genres/kst-36450-7.txt");
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String resource(String name) {
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
