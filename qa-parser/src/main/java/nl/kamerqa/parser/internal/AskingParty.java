package nl.kamerqa.parser.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recogniser of the party a question names as its asker.
 * <p>
 * convention: in a nota naar aanleiding van het verslag or a list of questions the question itself says who asks:
 * "De leden van de D66-fractie vragen ...", "Het lid van de BBB-fractie vraagt ...", "De leden van de fractie van
 * GroenLinks-PvdA ...", "De VVD-fractie vraagt ..."; a question that goes on about the same members says so:
 * "Deze leden vragen ...", "De leden van deze fractie ...", "Dit lid ...", "Zij vragen ..." and takes the party of
 * the question before. Only the question's first sentence counts: a question may quote other parties later.
 *
 * @param party   the party named, null when the question refers back ({@code inherits})
 * @param inherits the question refers to the members of the question before
 */
record AskingParty(String party, boolean inherits) {

    private static final int MAX_SENTENCE = 400;
    private static final Pattern FRACTIE = Pattern.compile(
            "\\b(?:[Dd]e leden|[Hh]et lid|[Dd]e) (?:van de )?(\\p{Lu}[\\p{L}\\d]*(?:[-/][\\p{L}\\d]+)*?)-fractie\\b");
    private static final Pattern FRACTIE_VAN = Pattern.compile(
            "\\b(?:[Dd]e leden|[Hh]et lid) van de fractie van (?:de )?(\\p{Lu}[\\p{L}\\d-]*(?: \\p{Lu}[\\p{L}\\d-]*)?)");
    private static final Pattern BACK = Pattern.compile(
            "^(?:[\\p{L}]+ )?(?:[Dd]eze leden|[Dd]ezelfde leden|[Dd]e leden van deze fractie|[Dd]it lid|[Dd]eze fractie|"
                    + "[Zz]ij|[Dd]e leden)\\b|\\b(?:deze leden|dit lid|deze fractie|de leden van deze fractie)\\b");

    static Optional<AskingParty> recognise(String questionText) {
        String sentence = firstSentence(questionText);
        Matcher m = FRACTIE.matcher(sentence);
        if (m.find()) {
            return Optional.of(new AskingParty(m.group(1), false));
        }
        m = FRACTIE_VAN.matcher(sentence);
        if (m.find()) {
            return Optional.of(new AskingParty(m.group(1), false));
        }
        return BACK.matcher(sentence).find() ? Optional.of(new AskingParty(null, true)) : Optional.empty();
    }

    private static String firstSentence(String text) {
        int limit = Math.min(text.length(), MAX_SENTENCE);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '?' || c == '!') && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                return text.substring(0, i + 1);
            }
        }
        return text.substring(0, limit);
    }
}
