package nl.kamerqa.parser.internal;

import nl.kamerqa.parser.Genres;
import nl.kamerqa.parser.rules.PartyHeading;
import nl.kamerqa.parser.rules.QuestionLabel;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Genre recogniser: what kind of document a text is, from what its first page says.
 * <p>
 * convention: a list of questions is titled "LIJST VAN VRAGEN EN ANTWOORDEN" (after the dossier and "Nr. 12",
 * sometimes on the same line), as a verslag "VERSLAG HOUDENDE EEN LIJST VAN VRAGEN EN ANTWOORDEN", or says it is
 * "... in de vorm van een lijst van vragen met de daarop gegeven antwoorden"; a nota "NOTA NAAR AANLEIDING VAN HET
 * VERSLAG" (or "... HET NADER VERSLAG"); a title may wrap over lines. Kamervragen say "Aanhangsel van de Handelingen"
 * above, have the page footer "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel", or open with "Vragen van het lid
 * ... aan ..." ({@link KamervragenHeading}); a ministry's answer letter heads its answers "Antwoorden van de minister
 * ... op Kamervragen van ...". Failing those (a fragment, a letter without its heading), "Vraag 1" labels without
 * party sections make Kamervragen too. Anything else goes to the report reader, which recognises a schriftelijk
 * overleg by its layout.
 *
 * @param genre     KAMERVRAGEN, LIJST_VAN_VRAGEN_EN_ANTWOORDEN, NOTA_NAAR_AANLEIDING_VAN_HET_VERSLAG, or null
 * @param title     the title as printed (lines joined), null when the genre has none or it was not found
 * @param titleLast index of the title's last line (the questions come after it), -1 when there is none
 */
record GenreSignals(String genre, String title, int titleLast) {

    private static final int HEAD_LINES = 80;
    private static final int TITLE_LINES = 6;
    private static final Pattern LIJST_TITLE = Pattern.compile(
            "^(?:Nr\\. \\d{1,4} )?((?:VERSLAG HOUDENDE EEN |Verslag houdende een )?"
                    + "(?:LIJST VAN VRAGEN EN ANTWOORDEN|[Ll]ijst van vragen en antwoorden))\\b");
    private static final Pattern LIJST_VERSLAG = Pattern.compile(
            "\\bin de vorm van een lijst van vragen (?:met|en) (?:de daarop gegeven )?antwoorden");
    private static final Pattern NOTA_TITLE = Pattern.compile(
            "^(?:Nr\\. \\d{1,4} )?(NOTA NAAR AANLEIDING VAN HET (?:NADER )?VERSLAG|"
                    + "Nota naar aanleiding van het (?:nader )?verslag)\\b");

    static GenreSignals detect(List<SourceLine> lines, boolean[] skip, Footers footers) {
        boolean kamervragen = false;
        int seen = 0;
        for (int i = 0; i < lines.size() && seen < HEAD_LINES; i++) {
            if (skip[i] || lines.get(i).isBlank()) {
                continue;
            }
            seen++;
            String text = lines.get(i).text();
            GenreSignals title = title(lines, skip, i);
            if (title != null) {
                return title;
            }
            if (LIJST_VERSLAG.matcher(text).find()) {
                return new GenreSignals(Genres.LIJST_VAN_VRAGEN_EN_ANTWOORDEN, null, i);
            }
            kamervragen |= text.contains("Aanhangsel van de Handelingen") || KamervragenHeading.starts(text);
        }
        PageFooter own = footers.own();
        if (kamervragen || own != null && own.dossier() == null && isAanhangselFooter(lines, footers)) {
            return new GenreSignals(Genres.KAMERVRAGEN, null, -1);
        }
        boolean questionLabel = false;
        for (int i = 0; i < lines.size(); i++) {
            if (skip[i] || lines.get(i).isBlank()) {
                continue;
            }
            String text = lines.get(i).text();
            if (PartyHeading.recognise(text, null).isPresent()) {
                return new GenreSignals(null, null, -1);
            }
            questionLabel |= text.startsWith("Vra") && QuestionLabel.recognise(text, i + 1 < lines.size()
                    ? lines.get(i + 1).text() : null).isPresent();
        }
        return new GenreSignals(questionLabel ? Genres.KAMERVRAGEN : null, null, -1);
    }

    /** A list's or nota's title starting at line {@code i}, its lines joined; null when none starts there. */
    private static GenreSignals title(List<SourceLine> lines, boolean[] skip, int i) {
        String first = lines.get(i).text();
        if (!(first.startsWith("LIJST") || first.startsWith("Lijst") || first.startsWith("NOTA") || first.startsWith("Nota")
                || first.startsWith("VERSLAG") || first.startsWith("Verslag") || first.startsWith("Nr."))) {
            return null;
        }
        StringBuilder joined = new StringBuilder();
        int last = i;
        int taken = 0;
        for (int j = i; j < lines.size() && taken < TITLE_LINES; j++) {
            if (skip[j] || lines.get(j).isBlank()) {
                continue;
            }
            joined.append(joined.length() == 0 ? "" : " ").append(lines.get(j).text());
            taken++;
            last = j;
            Matcher lijst = LIJST_TITLE.matcher(joined);
            if (lijst.find()) {
                return new GenreSignals(Genres.LIJST_VAN_VRAGEN_EN_ANTWOORDEN, lijst.group(1), last);
            }
            Matcher nota = NOTA_TITLE.matcher(joined);
            if (nota.find()) {
                return new GenreSignals(Genres.NOTA_NAAR_AANLEIDING_VAN_HET_VERSLAG, nota.group(1), last);
            }
        }
        return null;
    }

    /** A line after which a list's questions may start: the verslag's sentence naming the list. */
    static boolean opensQuestions(String text) {
        return text.length() > 40 && text.contains("lijst van vragen") && LIJST_VERSLAG.matcher(text).find();
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
