package nl.kamerqa.parser.internal;

import nl.kamerqa.parser.rules.PartyHeading;
import nl.kamerqa.parser.rules.QuestionLabel;
import java.util.List;

/**
 * Kamervragen recogniser: how strongly a text shows it holds Kamervragen.
 * <p>
 * convention: Kamervragen say "Aanhangsel van de Handelingen" above, have the page footer "Tweede Kamer,
 * vergaderjaar 2023–2024, Aanhangsel", or open with "Vragen van het lid ... aan ..." ({@link KamervragenHeading});
 * a ministry's answer letter heads its answers "Antwoorden van de minister ... op Kamervragen van ...". Failing
 * those (a fragment, a letter without its heading), "Vraag 1" labels ({@link QuestionLabel}) without party sections
 * ({@link PartyHeading}) make Kamervragen too.
 */
final class KamervragenSignals {

    private static final int HEAD_LINES = 80;

    /** What the text shows, weakest first. */
    enum Strength {
        NONE,
        /** "Vraag 1" labels and no party section anywhere. */
        LABELS,
        /** The Aanhangsel or the Kamervragen heading on the first page, or the Aanhangsel's page footer. */
        MARKED
    }

    private KamervragenSignals() {
    }

    static Strength of(List<SourceLine> lines, boolean[] skip, Footers footers) {
        boolean marked = false;
        int seen = 0;
        for (int i = 0; i < lines.size() && seen < HEAD_LINES; i++) {
            if (skip[i] || lines.get(i).isBlank()) {
                continue;
            }
            seen++;
            String text = lines.get(i).text();
            marked |= text.contains("Aanhangsel van de Handelingen") || KamervragenHeading.starts(text);
        }
        PageFooter own = footers.own();
        if (marked || own != null && own.dossier() == null && isAanhangselFooter(lines, footers)) {
            return Strength.MARKED;
        }
        boolean questionLabel = false;
        for (int i = 0; i < lines.size(); i++) {
            if (skip[i] || lines.get(i).isBlank()) {
                continue;
            }
            String text = lines.get(i).text();
            if (PartyHeading.recognise(text, null).isPresent()) {
                return Strength.NONE;
            }
            questionLabel |= text.startsWith("Vra") && QuestionLabel.recognise(text, i + 1 < lines.size()
                    ? lines.get(i + 1).text() : null).isPresent();
        }
        return questionLabel ? Strength.LABELS : Strength.NONE;
    }

    private static boolean isAanhangselFooter(List<SourceLine> lines, Footers footers) {
        for (int i = 0; i < lines.size(); i++) {
            if (footers.footers()[i] != null && lines.get(i).text().contains(", Aanhangsel")) {
                return true;
            }
        }
        return false;
    }
}
