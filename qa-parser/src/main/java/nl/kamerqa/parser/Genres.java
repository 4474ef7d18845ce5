package nl.kamerqa.parser;

import nl.kamerqa.contracts.Genre;

/**
 * The genre names the parser writes into {@link nl.kamerqa.contracts.ParsedDocument#genre()}, the same for every
 * input format: the names of {@link Genre}, kept as constants for callers from before the enum.
 */
public final class Genres {

    /** Kamervragen with their answers (or a mededeling): the Aanhangsel van de Handelingen, or a ministry's letter. */
    public static final String KAMERVRAGEN = "KAMERVRAGEN";
    /** Verslag van een schriftelijk overleg: questions under party headings, each answered under "Antwoord". */
    public static final String SCHRIFTELIJK_OVERLEG = "SCHRIFTELIJK_OVERLEG";
    /** Lijst van vragen en antwoorden: a committee's numbered questions with the government's answers. */
    public static final String LIJST_VAN_VRAGEN_EN_ANTWOORDEN = "LIJST_VAN_VRAGEN_EN_ANTWOORDEN";
    /** Nota naar aanleiding van het verslag: the government's reply to the parties' questions about a bill. */
    public static final String NOTA_NAAR_AANLEIDING_VAN_HET_VERSLAG = "NOTA_NAAR_AANLEIDING_VAN_HET_VERSLAG";
    /** Other Kamerstukken the readers recognise by their title. */
    public static final String VERSLAG = "VERSLAG";
    public static final String BRIEF = "BRIEF";
    public static final String KAMERSTUK = "KAMERSTUK";

    private Genres() {
    }
}
