package nl.kamerqa.parser.internal;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Kamervragen;
import nl.kamerqa.contracts.ParsedDocument.Question;
import nl.kamerqa.parser.Genres;
import nl.kamerqa.parser.extracted.ExtractedText;

import java.util.List;

/**
 * Reads the text of a parliamentary document, whatever extractor produced it: lays it out ({@link TextLayout}; from
 * typed lines, what the extractor knows of pages, footnotes and footers is taken, plain text is guessed),
 * tells its genre ({@link GenreSignals}) and hands it to that genre's reader — Kamervragen, lists of questions and
 * notas to {@link LabelledStructure}, reports of a schriftelijk overleg to {@link ReportStructure}. A text that fits
 * no genre gives no questions and says so in a warning. Stateless; one call per document; never throws on text.
 */
public final class TextParser {

    private final String version;

    public TextParser(String version) {
        this.version = version;
    }

    /** Parses plain text (pdftotext, pandoc, a copy with CRLF): pages only where footers or form feeds tell them. */
    public ParsedDocument parse(String input) {
        return parse(input, false);
    }

    /**
     * @param fromPdf the text is what {@code PdfTextExtractor} made of a PDF: its form feeds are the PDF's pages
     */
    public ParsedDocument parse(String input, boolean fromPdf) {
        input = FlattenedText.unflatten(input);
        return read(TextLayout.of(input, fromPdf), input);
    }

    /**
     * Parses an extractor's typed lines (PDF, Word, OpenDocument): pages, footnotes and footers as the extractor
     * tells them; lines of unknown role only (plain text) are read as {@link #parse(String)} reads text.
     */
    public ParsedDocument parse(ExtractedText text) {
        if (!text.typed()) {
            return parse(text.text());
        }
        return read(TextLayout.of(text), text.text());
    }

    private ParsedDocument read(TextLayout layout, String input) {
        GenreSignals signals = GenreSignals.detect(layout.lines(), layout.skip(), layout.footers());
        PageFooter own = layout.footers().own();
        if (signals.genre() != null) {
            return labelled(layout, signals, own);
        }
        ReportParser.Result report = ReportParser.read(layout, input);
        List<Question> questions = report.assembly().questions();
        Warnings warnings = layout.warnings();
        String genre = report.genre();
        String title = report.title();
        if (genre == null) {
            // a Kamerstuk of no question genre (a motie, an amendement) still has the genre its title names
            StukTitle stuk = StukTitle.find(layout.lines(), layout.skip()).orElse(null);
            if (stuk != null) {
                genre = TitleGenre.of(stuk.title());
                title = stuk.title();
            }
        }
        if (report.genre() == null && !questions.isEmpty()) {
            // what the report reader said about those paragraphs ("question 1 has no answer") no longer applies
            warnings = new Warnings();
            warnings.add("the text fits no known genre (Kamervragen, lijst van vragen en antwoorden, nota naar "
                    + "aanleiding van het verslag, schriftelijk overleg): its " + questions.size()
                    + " numbered paragraphs are not taken for questions");
            questions = List.of();
        }
        finish(questions, warnings);
        return new ParsedDocument(ParsedDocument.SCHEMA_VERSION,
                own == null ? layout.colophonId() : firstNonNull(own.documentId(), layout.colophonId()),
                genre, title,
                own == null ? null : own.kamer(), own == null ? null : own.vergaderjaar(),
                own == null ? null : own.dossier(), own == null ? null : own.ondernummer(),
                report.genre() == null ? List.of() : report.parties(), questions, report.assembly().footnotes(),
                report.assembly().references(), warnings.list(), new ParsedDocument.ParserInfo(version), null);
    }

    private ParsedDocument labelled(TextLayout layout, GenreSignals signals, PageFooter own) {
        String genre = signals.genre();
        LabelledStructure structure = LabelledStructure.read(layout, signals);
        boolean kamervragen = Genres.KAMERVRAGEN.equals(genre);
        QaAssembly assembly = new QaAssembly(layout, structure.blocks(), !structure.sawMededeling());
        List<Question> questions = assembly.questions();
        Warnings warnings = layout.warnings();
        if (structure.sawMededeling() && structure.mededeling() != null) {
            warnings.add("no answers: the questions are answered by a mededeling");
        }
        finish(questions, warnings);
        String kamer = own == null ? null : own.kamer();
        String vergaderjaar = own == null ? null : own.vergaderjaar();
        String documentId = own == null ? null : own.documentId();
        Kamervragen metadata = null;
        if (kamervragen) {
            KamervragenHeading heading = structure.heading();
            AnswerIntro intro = structure.intro();
            String number = structure.headerNumber();
            String colophon = layout.colophonId();
            if (number == null && colophon != null && colophon.matches("ah-[a-z]{2}-\\d{8}-\\d{1,6}")) {
                number = colophon.substring(colophon.lastIndexOf('-') + 1);
            }
            if (documentId == null) {
                documentId = colophon != null ? colophon : OfficialIds.aanhangsel(kamer, vergaderjaar, number);
            }
            metadata = new Kamervragen(heading == null ? List.of() : heading.askers(),
                    heading == null ? null : heading.addressee(), heading == null ? null : heading.subject(),
                    intro == null ? null : intro.by(), heading == null ? null : heading.ingezonden(),
                    intro == null ? null : intro.ontvangen(), number, structure.mededeling());
        } else if (documentId == null) {
            documentId = layout.colophonId();
        }
        return new ParsedDocument(ParsedDocument.SCHEMA_VERSION, documentId, genre, structure.title(), kamer,
                vergaderjaar, own == null ? null : own.dossier(), own == null ? null : own.ondernummer(),
                structure.parties(), questions, assembly.footnotes(), assembly.references(), warnings.list(),
                new ParsedDocument.ParserInfo(version), null, metadata);
    }

    private static void finish(List<Question> questions, Warnings warnings) {
        if (questions.isEmpty()) {
            warnings.addFirst("no questions found");
        } else if (questions.stream().allMatch(q -> q.page() == null)) {
            warnings.add("printed page numbers unknown: too few page footers or page breaks to tell the pages apart");
        }
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
