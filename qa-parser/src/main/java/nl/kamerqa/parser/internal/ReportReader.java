package nl.kamerqa.parser.internal;

import nl.kamerqa.contracts.Genre;
import nl.kamerqa.contracts.ParsedDocument.Question;
import nl.kamerqa.parser.rules.AnswerHeading;
import nl.kamerqa.parser.rules.DocumentHeading;
import nl.kamerqa.parser.rules.PartyHeading;
import nl.kamerqa.parser.rules.QuestionStart;

import java.util.List;
import java.util.Locale;

/**
 * Reads a verslag van een schriftelijk overleg: numbered questions under party headings, each followed by an
 * "Antwoord".
 * <p>
 * A report is recognised by reading it: {@link ReportStructure} (with {@link PartyHeading}, {@link QuestionStart},
 * {@link AnswerHeading}, {@link DocumentHeading} and {@link ClosingLine}) finds party sections, or numbered questions
 * with answer headings; failing those, the text names a "schriftelijk overleg" near its start. The detection keeps
 * what it read, so the text is read once.
 */
final class ReportReader implements GenreReader<ReportReader.Report> {

    private static final int MENTION_PROBE = 20_000;

    /** The text read as a report, and what that reading noticed (not yet in the layout's warnings). */
    record Report(ReportStructure structure, QaAssembly assembly, Warnings warnings) {
    }

    @Override
    public double ceiling() {
        return Detection.SHAPE;
    }

    @Override
    public Genre genre() {
        return Genre.SCHRIFTELIJK_OVERLEG;
    }

    /** Reads the text as a report whatever it is; its warnings kept apart from the layout's. */
    static Report readAsReport(TextLayout layout) {
        Warnings warnings = new Warnings();
        ReportStructure structure = ReportStructure.read(layout.lines(), layout.skip(), layout.pages(), layout.notes(),
                warnings);
        return new Report(structure, new QaAssembly(layout, structure.blocks(), true, warnings), warnings);
    }

    @Override
    public Detection<Report> detect(TextLayout layout, String text) {
        Report report = readAsReport(layout);
        List<Question> questions = report.assembly().questions();
        if (!report.structure().parties().isEmpty() || !questions.isEmpty() && report.structure().hasAnswerHeadings()) {
            return new Detection<>(Detection.SHAPE, report);
        }
        int probe = Math.min(text.length(), MENTION_PROBE);
        if (text.substring(0, probe).toLowerCase(Locale.ROOT).contains("schriftelijk overleg")) {
            return new Detection<>(Detection.MENTION, report);
        }
        return Detection.none(report);
    }

    @Override
    public Reading read(TextLayout layout, Detection<Report> detection) {
        Report report = detection.found();
        layout.warnings().addAll(report.warnings());
        return new Reading(Genre.SCHRIFTELIJK_OVERLEG.name(), Reading.documentId(layout), report.structure().title(),
                report.structure().parties(), report.assembly().questions(), report.assembly().footnotes(),
                report.assembly().references(), layout.warnings(), null);
    }
}
