package nl.kamerqa.contracts;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of document the parser tells apart; {@link ParsedDocument#genre()} holds one of these names (a string,
 * so records written before this enum still read). Consumers can validate a genre filter with {@link #of(String)}.
 */
public enum Genre {
    /** Kamervragen with their answers (or a mededeling): the Aanhangsel van de Handelingen, or a ministry's letter. */
    KAMERVRAGEN(true),
    /** Verslag van een schriftelijk overleg: questions under party headings, each answered under "Antwoord". */
    SCHRIFTELIJK_OVERLEG(true),
    /** Lijst van vragen en antwoorden: a committee's numbered questions with the government's answers. */
    LIJST_VAN_VRAGEN_EN_ANTWOORDEN(true),
    /** Nota naar aanleiding van het verslag: the government's reply to the parties' questions about a bill. */
    NOTA_NAAR_AANLEIDING_VAN_HET_VERSLAG(true),
    /** A verslag that is no schriftelijk overleg and no list: the questions are answered in another stuk. */
    VERSLAG(false),
    /** A letter to the Kamer. */
    BRIEF(false),
    /** Any other Kamerstuk (a motie, an amendement, a bill): no questions expected. */
    KAMERSTUK(false);

    private final boolean answersExpected;

    Genre(boolean answersExpected) {
        this.answersExpected = answersExpected;
    }

    /** Whether a document of this genre answers its questions in itself. */
    public boolean answersExpected() {
        return answersExpected;
    }

    /** The genre of a name in any case ("kamervragen"), empty for null, blank or an unknown name. */
    public static Optional<Genre> of(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
