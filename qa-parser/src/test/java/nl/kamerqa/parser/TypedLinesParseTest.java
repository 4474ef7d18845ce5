package nl.kamerqa.parser;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Question;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the extractors know reaches the parser as fact (typed lines), where guessing from the text alone goes wrong:
 * a body paragraph that starts like a footnote stays text, a page without text still counts, a Word paragraph
 * shaped like a note stays text. The documents are built here, so each shows one construct.
 */
class TypedLinesParseTest {

    private static final QaParser PARSER = QaParser.create();
    private static final String HEADER = "Vragen van het lid Jansen (GroenLinks-PvdA) aan de Minister van Klimaat en "
            + "Groene Groei over datacentra (ingezonden 4 maart 2024).";
    private static final String INTRO = "Antwoord van Minister Hermans (Klimaat en Groene Groei) (ontvangen 2 april 2024).";

    @Test
    void bodyParagraphAtAPageBottomStartingLikeAFootnoteStaysInTheAnswer() {
        ParsedDocument parsed = PARSER.parse(kamervragenPdfWithNumberedParagraphAboveTheFootnote());

        assertThat(parsed.questions()).extracting(Question::number).containsExactly("1", "2");
        Question first = parsed.questions().get(0);
        assertThat(first.footnotes()).containsExactly(1);
        assertThat(first.answer().text()).isEqualTo("Ja. Het rapport noemt de uitstoot van CO2 per datacentrum. "
                + "2 Zie ook de bijlage bij deze brief, waarin de cijfers per provincie en de klimaatdoelen staan.");
        assertThat(parsed.footnotes()).singleElement().satisfies(note -> {
            assertThat(note.number()).isEqualTo(1);
            assertThat(note.text()).isEqualTo("Rapport Datacentra en klimaat, Planbureau voor de Leefomgeving, 2024.");
            assertThat(note.page()).isEqualTo(1);
        });
    }

    @Test
    void wordJoinedAcrossAPageBreakAndItsFootnotesKeepsItsPages() {
        ParsedDocument parsed = PARSER.parse(kamervragenPdfWithNumberedParagraphAboveTheFootnote());

        Question second = parsed.questions().get(1);
        assertThat(parsed.questions().get(0).page()).isEqualTo(1);
        assertThat(second.page()).isEqualTo(2);
        assertThat(second.text()).isEqualTo("Welke klimaatdoelen gelden voor nieuwe datacentra?");
        assertThat(parsed.documentId()).isNull();
        assertThat(parsed.kamer()).isEqualTo("Tweede Kamer");
        assertThat(parsed.vergaderjaar()).isEqualTo("2023–2024");
        assertThat(String.join(" ", parsed.warnings())).doesNotContain("Aanhangsel", "footer");
    }

    @Test
    void pageWithoutTextStillCountsForThePagesAfterIt() {
        ParsedDocument parsed = PARSER.parse(kamervragenPdfWithAnEmptySecondPage());

        assertThat(parsed.questions()).extracting(Question::number).containsExactly("1", "2");
        assertThat(parsed.questions()).extracting(Question::page).containsExactly(1, 3);
    }

    @Test
    void wordParagraphShapedLikeANoteStaysTextBesideTheRealNote() {
        ParsedDocument parsed = PARSER.parse(answerLetterDocxEndingInABracketedParagraph());

        assertThat(parsed.questions()).extracting(Question::number).containsExactly("1");
        Question first = parsed.questions().get(0);
        assertThat(first.answer().footnotes()).containsExactly(1);
        assertThat(first.answer().text()).isEqualTo("Ja, zie de brief van 3 maart. "
                + "[1] Dit is de eerste van de stukken die de Kamer vroeg.");
        assertThat(parsed.footnotes()).singleElement().satisfies(note -> {
            assertThat(note.number()).isEqualTo(1);
            assertThat(note.text()).isEqualTo("Kamerstuk 36 200, nr. 3.");
        });
    }

    // ---- documents ----

    /**
     * Two pages: on the first, question 1 cites footnote 1 with a raised number, and its answer ends in a body-size
     * paragraph "2 Zie ook ..." (the text cites "CO2" above it) whose last word breaks across the page; the real
     * footnote 1 stands below it in small print, the official footer last.
     */
    static byte[] kamervragenPdfWithNumberedParagraphAboveTheFootnote() {
        return pdf(List.of(
                page -> {
                    header(page);
                    page.text(10, 70, 700, "Vraag 1");
                    page.text(10, 70, 686, "Kent u het rapport over de uitstoot van CO2 door datacentra", "1", "?");
                    page.text(10, 70, 660, "Antwoord 1");
                    page.text(10, 70, 646, "Ja. Het rapport noemt de uitstoot van CO2 per datacentrum.");
                    page.text(10, 70, 150, "2 Zie ook de bijlage bij deze brief, waarin de cijfers per provincie en de klimaat-");
                    page.text(8, 70, 100, "1 Rapport Datacentra en klimaat, Planbureau voor de Leefomgeving, 2024.");
                    page.text(9, 70, 60, "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1");
                },
                page -> {
                    page.text(10, 70, 780, "doelen staan.");
                    page.text(10, 70, 740, "Vraag 2");
                    page.text(10, 70, 726, "Welke klimaatdoelen gelden voor nieuwe datacentra?");
                    page.text(10, 70, 700, "Antwoord 2");
                    page.text(10, 70, 686, "Dezelfde als voor andere bedrijven.");
                    page.text(9, 70, 60, "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 2");
                }));
    }

    /** Three pages without printed page numbers, the second blank: question 2 stands on the PDF's third page. */
    static byte[] kamervragenPdfWithAnEmptySecondPage() {
        return pdf(List.of(
                page -> {
                    header(page);
                    page.text(10, 70, 700, "Vraag 1");
                    page.text(10, 70, 686, "Kent u het rapport over de uitstoot van datacentra?");
                    page.text(10, 70, 660, "Antwoord 1");
                    page.text(10, 70, 646, "Ja.");
                },
                page -> {
                },
                page -> {
                    page.text(10, 70, 740, "Vraag 2");
                    page.text(10, 70, 726, "Welke klimaatdoelen gelden voor nieuwe datacentra?");
                    page.text(10, 70, 700, "Antwoord 2");
                    page.text(10, 70, 686, "Dezelfde als voor andere bedrijven.");
                }));
    }

    private static void header(Page page) throws IOException {
        page.text(10, 70, 780, "Vragen van het lid Jansen (GroenLinks-PvdA) aan de Minister van Klimaat en Groene");
        page.text(10, 70, 766, "Groei over datacentra (ingezonden 4 maart 2024).");
        page.text(10, 70, 740, INTRO);
    }

    /**
     * An answer letter whose answer cites a Word footnote and ends in a paragraph the author typed as "[1] ...";
     * the Word footnote's own text is "Kamerstuk 36 200, nr. 3.".
     */
    static byte[] answerLetterDocxEndingInABracketedParagraph() {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String text : List.of(HEADER, INTRO, "Vraag 1", "Kent u de brief van 3 maart?", "Antwoord 1")) {
                document.createParagraph().createRun().setText(text);
            }
            XWPFParagraph answer = document.createParagraph();
            answer.createRun().setText("Ja, zie de brief van 3 maart.");
            XWPFFootnote note = document.createFootnote();
            note.createParagraph().createRun().setText("Kamerstuk 36 200, nr. 3.");
            answer.addFootnoteReference(note);
            document.createParagraph().createRun().setText("[1] Dit is de eerste van de stukken die de Kamer vroeg.");
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One page being drawn: text in Helvetica at a size and a position (origin bottom left, as PDF has it). */
    interface Page {
        void text(float size, float x, float y, String text, String... markerAndRest) throws IOException;
    }

    interface PageContent {
        void draw(Page page) throws IOException;
    }

    private static byte[] pdf(List<PageContent> pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (PageContent content : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                    content.draw((size, x, y, text, markerAndRest) -> {
                        stream.beginText();
                        stream.setFont(font, size);
                        stream.newLineAtOffset(x, y);
                        stream.showText(text);
                        if (markerAndRest.length > 0) {
                            // a footnote marker: smaller and raised, in the same line of text
                            stream.setFont(font, size * 0.7f);
                            stream.setTextRise(size * 0.4f);
                            stream.showText(markerAndRest[0]);
                            stream.setFont(font, size);
                            stream.setTextRise(0);
                            stream.showText(markerAndRest[1]);
                        }
                        stream.endText();
                    });
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
