package nl.kamerqa.parser.rules;

import nl.kamerqa.parser.Genres;

import java.util.Locale;

/**
 * Genre from a Kamerstuk's title: the one rule both routes use (the XML and HTML readers with the title they mark up,
 * the text reader with the title {@code StukTitle} finds).
 * <p>
 * convention: the title names the kind of stuk: "VERSLAG VAN EEN SCHRIFTELIJK OVERLEG", "LIJST VAN VRAGEN EN
 * ANTWOORDEN", "NOTA NAAR AANLEIDING VAN HET (NADER) VERSLAG", "VERSLAG …", "BRIEF VAN DE MINISTER …"; any other
 * title ("MOTIE VAN HET LID …", "AMENDEMENT …", "VOORSTEL VAN WET") is some other Kamerstuk.
 */
public final class TitleGenre {

    private TitleGenre() {
    }

    /** The genre the title names; {@link Genres#KAMERSTUK} for a title naming none, and for no title. */
    public static String of(String title) {
        if (title == null) {
            return Genres.KAMERSTUK;
        }
        String t = title.toLowerCase(Locale.ROOT).strip();
        if (t.contains("schriftelijk overleg")) {
            return Genres.SCHRIFTELIJK_OVERLEG;
        }
        if (t.contains("lijst van vragen")) {
            return Genres.LIJST_VAN_VRAGEN_EN_ANTWOORDEN;
        }
        if (t.contains("nota naar aanleiding van het")) {
            return Genres.NOTA_NAAR_AANLEIDING_VAN_HET_VERSLAG;
        }
        if (t.startsWith("verslag")) {
            return Genres.VERSLAG;
        }
        if (t.startsWith("brief")) {
            return Genres.BRIEF;
        }
        return Genres.KAMERSTUK;
    }
}
