package nl.kamerqa.parser.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kamerstuk title recogniser: the title of the stuk on a Kamerstuk's first page.
 * <p>
 * convention: under the dossier ("32 545 Wet- en regelgeving financiële markten") the stuk's number and title
 * follow, "Nr. 143 MOTIE VAN DE LEDEN INGE VAN DIJK EN GRINWIS", or "Nr. 143" with the title in capitals on the next
 * lines; a long title wraps over lines, all in capitals. Only the first page's head is searched.
 *
 * @param title the title, wrapped lines joined
 * @param last  index of the title's last line
 */
record StukTitle(String title, int last) {

    private static final int HEAD_LINES = 40;
    private static final int MAX_TITLE_LINES = 4;
    private static final Pattern NUMBER = Pattern.compile("^Nr\\. ?\\d{1,4}(?: (.+))?$");

    static Optional<StukTitle> find(List<SourceLine> lines, boolean[] skip) {
        int seen = 0;
        for (int i = 0; i < lines.size() && seen < HEAD_LINES; i++) {
            if (skip[i] || lines.get(i).isBlank()) {
                continue;
            }
            seen++;
            Matcher m = NUMBER.matcher(lines.get(i).text());
            if (!m.matches()) {
                continue;
            }
            StringBuilder title = new StringBuilder();
            int last = i;
            if (m.group(1) != null) {
                if (!isCapitals(m.group(1))) {
                    return Optional.empty();
                }
                title.append(m.group(1));
            }
            for (int j = i + 1, taken = 0; j < lines.size() && taken < MAX_TITLE_LINES; j++) {
                if (skip[j] || lines.get(j).isBlank()) {
                    continue;
                }
                if (!isCapitals(lines.get(j).text())) {
                    break;
                }
                title.append(title.length() == 0 ? "" : " ").append(lines.get(j).text());
                last = j;
                taken++;
            }
            return title.length() == 0 ? Optional.empty() : Optional.of(new StukTitle(title.toString(), last));
        }
        return Optional.empty();
    }

    /** Letters all capitals, and at least a word of them ("MOTIE VAN HET LID X", "BRIEF VAN DE MINISTER"). */
    private static boolean isCapitals(String text) {
        int letters = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letters += Character.isLetter(c) ? 1 : 0;
        }
        return letters >= 4;
    }
}
