package nl.kamerqa.parser.internal;

import nl.kamerqa.contracts.Genre;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Title recogniser of lists of questions and notas: the first title on the first page that names either.
 * <p>
 * convention: a list of questions is titled "LIJST VAN VRAGEN EN ANTWOORDEN" (after the dossier and "Nr. 12",
 * sometimes on the same line), as a verslag "VERSLAG HOUDENDE EEN LIJST VAN VRAGEN EN ANTWOORDEN", or says it is
 * "... in de vorm van een lijst van vragen met de daarop gegeven antwoorden"; a nota "NOTA NAAR AANLEIDING VAN HET
 * VERSLAG" (or "... HET NADER VERSLAG"); a title may wrap over lines.
 *
 * @param genre LIJST_VAN_VRAGEN_EN_ANTWOORDEN or NOTA_NAAR_AANLEIDING_VAN_HET_VERSLAG
 * @param title the title as printed (lines joined), null when a sentence says what the text is
 * @param last  index of the title's (or the sentence's) last line: the questions come after it
 */
record ListTitle(Genre genre, String title, int last) {

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

    /** The first such title (or sentence) in the head of the text, empty when there is none. */
    static Optional<ListTitle> find(List<SourceLine> lines, boolean[] skip) {
        int seen = 0;
        for (int i = 0; i < lines.size() && seen < HEAD_LINES; i++) {
            if (skip[i] || lines.get(i).isBlank()) {
                continue;
            }
            seen++;
            ListTitle title = title(lines, skip, i);
            if (title != null) {
                return Optional.of(title);
            }
            String text = lines.get(i).text();
            if (text.contains("lijst van vragen") && LIJST_VERSLAG.matcher(text).find()) {
                return Optional.of(new ListTitle(Genre.LIJST_VAN_VRAGEN_EN_ANTWOORDEN, null, i));
            }
        }
        return Optional.empty();
    }

    /** A list's or nota's title starting at line {@code i}, its lines joined; null when none starts there. */
    private static ListTitle title(List<SourceLine> lines, boolean[] skip, int i) {
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
                return new ListTitle(Genre.LIJST_VAN_VRAGEN_EN_ANTWOORDEN, lijst.group(1), last);
            }
            Matcher nota = NOTA_TITLE.matcher(joined);
            if (nota.find()) {
                return new ListTitle(Genre.NOTA_NAAR_AANLEIDING_VAN_HET_VERSLAG, nota.group(1), last);
            }
        }
        return null;
    }

    /** A line after which a list's questions may start: the verslag's sentence naming the list. */
    static boolean opensQuestions(String text) {
        return text.length() > 40 && text.contains("lijst van vragen") && LIJST_VERSLAG.matcher(text).find();
    }
}
