package nl.kamerqa.parser.internal;

import nl.kamerqa.contracts.ParsedDocument.Question;
import nl.kamerqa.parser.Genres;

import java.util.List;
import java.util.Locale;

/**
 * Reads a report-style document ("verslag van een schriftelijk overleg"): numbered questions under party headings,
 * each followed by an "Antwoord" ({@link ReportStructure}).
 */
final class ReportParser {

    private ReportParser() {
    }

    /** The questions of a report, or null when the text is laid out as none. */
    static Result read(TextLayout layout, String input) {
        ReportStructure structure = ReportStructure.read(layout.lines(), layout.skip(), layout.pages(), layout.notes(),
                layout.warnings());
        QaAssembly assembly = new QaAssembly(layout, structure.blocks(), true);
        List<Question> questions = assembly.questions();
        boolean report = !structure.parties().isEmpty() || (!questions.isEmpty() && structure.hasAnswerHeadings());
        if (!report) {
            int probe = Math.min(input.length(), 20_000);
            report = input.substring(0, probe).toLowerCase(Locale.ROOT).contains("schriftelijk overleg");
        }
        return new Result(report ? Genres.SCHRIFTELIJK_OVERLEG : null, structure.title(), structure.parties(), assembly);
    }

    /** What the report reader found: its genre (null when the text is no report), title, parties, records. */
    record Result(String genre, String title, List<String> parties, QaAssembly assembly) {
    }
}
