package nl.kamerqa.parser.rules;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Party-section heading recogniser, for every route.
 * <p>
 * convention: "Vragen en opmerkingen van de leden van de VVD-fractie" opens the VVD's questions, "... van het
 * lid van de BBB-fractie" the BBB's; also "... van de leden van de fractie van GroenLinks" and
 * "... van de leden van de GroenLinks- en PvdA-fracties" ("GroenLinks en PvdA"). The heading may wrap onto a
 * second line. The document heading ("Vragen en opmerkingen vanuit de fracties ...") names no party and is no
 * section ({@link DocumentHeading}). A heading names the party and ends there: "Vragen en opmerkingen van de leden
 * van de VVD-fractie 2" is a table-of-contents line (the XML/HTML route used to accept up to 80 characters after the
 * party, which would also take such lines for headings).
 */
public final class PartyHeading {

    private static final int MAX_LENGTH = 160;
    private static final int MAX_CONTINUATION = 50;
    private static final String LEAD =
            "^(?:[IVX]{1,5}\\.? |\\d{1,2}(?:\\.\\d{1,2}){0,2}\\.? )?(?:Vragen en opmerkingen|Opmerkingen en vragen|Inbreng|Vragen|Opmerkingen) van ";
    private static final Pattern FRACTIE = Pattern.compile(
            LEAD + "(?:de leden|het lid) van de (.+?)-fracties?(?: en (?:van )?de (.+?)-fracties?)? ?:?$");
    private static final Pattern FRACTIE_VAN = Pattern.compile(
            LEAD + "(?:(?:de leden|het lid) van )?de fracties? van (?:de )?(.+?) ?:?$");
    private static final Pattern STARTS = Pattern.compile(LEAD + "(?:de leden|het lid)\\b.*$");

    private PartyHeading() {
    }

    /** The party named by {@code line}, or by {@code line} wrapped onto {@code next} (then {@code usedNext}). */
    public record Match(String party, boolean usedNext) {
    }

    public static Optional<Match> recognise(String line, String next) {
        if (line.length() > MAX_LENGTH || line.indexOf(" van ") < 0
                || !(line.startsWith("Vragen") || line.startsWith("Inbreng") || line.startsWith("Opmerkingen")
                || line.indexOf(" Vragen") >= 0 || line.indexOf(" Inbreng") >= 0 || line.indexOf(" Opmerkingen") >= 0)) {
            return Optional.empty();
        }
        Optional<String> party = party(line);
        if (party.isPresent()) {
            return Optional.of(new Match(party.get(), false));
        }
        if (next != null && !next.isEmpty() && next.length() <= MAX_CONTINUATION && STARTS.matcher(line).matches()) {
            String joined = line.endsWith("-") ? line + next : line + " " + next;
            return party(joined).map(p -> new Match(p, true));
        }
        return Optional.empty();
    }

    private static Optional<String> party(String line) {
        Matcher m = FRACTIE.matcher(line);
        if (m.matches()) {
            String party = m.group(2) == null ? m.group(1) : m.group(1) + " en " + m.group(2);
            return Optional.of(party.replace("- en ", " en ").strip());
        }
        m = FRACTIE_VAN.matcher(line);
        if (m.matches() && !m.group(1).isBlank()) {
            return Optional.of(m.group(1).strip());
        }
        return Optional.empty();
    }
}
