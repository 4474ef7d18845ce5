package nl.kamerqa.parser.internal;

import nl.kamerqa.contracts.Genre;
import nl.kamerqa.contracts.ParsedDocument.Question;
import nl.kamerqa.parser.rules.TitleGenre;

import java.util.List;

/**
 * Reads any other Kamerstuk (a motie, an amendement, a letter): the fallback that takes any text, with no questions.
 * <p>
 * Recognisers: {@link StukTitle} finds the title, {@link TitleGenre} the genre it names (none when there is no
 * title); the text is read as a report would be ({@link ReportReader#readAsReport}) for its footnotes and references,
 * but numbered paragraphs are no questions here, and a warning says so.
 */
final class KamerstukReader implements GenreReader<StukTitle> {

    @Override
    public double ceiling() {
        return Detection.FALLBACK;
    }

    @Override
    public Genre genre() {
        return Genre.KAMERSTUK;
    }

    @Override
    public Detection<StukTitle> detect(TextLayout layout, String text) {
        return new Detection<>(Detection.FALLBACK, StukTitle.find(layout.lines(), layout.skip()).orElse(null));
    }

    @Override
    public Reading read(TextLayout layout, Detection<StukTitle> detection) {
        StukTitle stuk = detection.found();
        ReportReader.Report report = ReportReader.readAsReport(layout);
        List<Question> paragraphs = report.assembly().questions();
        Warnings warnings = layout.warnings();
        if (paragraphs.isEmpty()) {
            warnings.addAll(report.warnings());
        } else {
            // what the report reader said about those paragraphs ("question 1 has no answer") no longer applies
            warnings = new Warnings();
            warnings.add("the text fits no known genre (Kamervragen, lijst van vragen en antwoorden, nota naar "
                    + "aanleiding van het verslag, schriftelijk overleg): its " + paragraphs.size()
                    + " numbered paragraphs are not taken for questions");
        }
        return new Reading(stuk == null ? null : TitleGenre.of(stuk.title()), Reading.documentId(layout),
                stuk == null ? report.structure().title() : stuk.title(), List.of(), List.of(),
                report.assembly().footnotes(), report.assembly().references(), warnings, null);
    }
}
