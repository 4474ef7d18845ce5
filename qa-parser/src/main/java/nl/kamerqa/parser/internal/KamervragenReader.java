package nl.kamerqa.parser.internal;

import nl.kamerqa.contracts.Genre;
import nl.kamerqa.contracts.ParsedDocument.Kamervragen;
import nl.kamerqa.parser.OfficialIds;
import nl.kamerqa.parser.rules.AnswerHeading;
import nl.kamerqa.parser.rules.NumberLabel;
import nl.kamerqa.parser.rules.PartyHeading;
import nl.kamerqa.parser.rules.QuestionLabel;

import java.util.List;

/**
 * Reads Kamervragen: the Aanhangsel van de Handelingen and a ministry's answer letter.
 * <p>
 * Recognisers: {@link KamervragenSignals} (the Aanhangsel, its page footer, {@link KamervragenHeading}, "Vraag 1"
 * labels without {@link PartyHeading}s) to detect; to read, {@link LabelledStructure} with {@link KamervragenHeading},
 * {@link AnswerIntro}, the "Mededeling" heading, {@link QuestionLabel}, {@link AnswerHeading}, {@link NumberLabel}
 * (only where no "Vraag" label is) and {@link ClosingLine}; the Aanhangsel number above the heading and
 * {@link OfficialIds} for the id when no footer or colophon gives it.
 */
final class KamervragenReader implements GenreReader<Void> {

    private static final LabelRules RULES = new LabelRules(true, true, true, false, false, true, false);

    @Override
    public double ceiling() {
        return Detection.MARKED;
    }

    @Override
    public Genre genre() {
        return Genre.KAMERVRAGEN;
    }

    @Override
    public Detection<Void> detect(TextLayout layout, String text) {
        return switch (KamervragenSignals.of(layout.lines(), layout.skip(), layout.footers())) {
            case MARKED -> new Detection<>(Detection.MARKED, null);
            case LABELS -> new Detection<>(Detection.LABELS, null);
            case NONE -> Detection.none(null);
        };
    }

    @Override
    public Reading read(TextLayout layout, Detection<Void> detection) {
        LabelledStructure structure = LabelledStructure.read(layout, RULES, null, -1);
        PageFooter own = layout.footers().own();
        KamervragenHeading heading = structure.heading();
        AnswerIntro intro = structure.intro();
        String number = structure.headerNumber();
        String colophon = layout.colophonId();
        if (number == null && colophon != null && OfficialIds.isAanhangsel(colophon)) {
            number = colophon.substring(colophon.lastIndexOf('-') + 1);
        }
        String documentId = Reading.documentId(layout);
        if (documentId == null) {
            documentId = OfficialIds.aanhangsel(own == null ? null : own.kamer(),
                    own == null ? null : own.vergaderjaar(), number);
        }
        Kamervragen metadata = new Kamervragen(heading == null ? List.of() : heading.askers(),
                heading == null ? null : heading.addressee(), heading == null ? null : heading.subject(),
                intro == null ? null : intro.by(), heading == null ? null : heading.ingezonden(),
                intro == null ? null : intro.ontvangen(), number, structure.mededeling());
        return structure.reading(Genre.KAMERVRAGEN.name(), documentId, metadata);
    }
}
