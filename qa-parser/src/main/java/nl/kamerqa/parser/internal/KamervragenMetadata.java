package nl.kamerqa.parser.internal;

import nl.kamerqa.contracts.ParsedDocument.Kamervragen;

import java.util.List;

/**
 * The {@link Kamervragen} record from the sentences a structured source marks up ("kamervraagomschrijving"), read with
 * the same recognisers as text, so every format gives the same askers, addressee and dates.
 */
public final class KamervragenMetadata {

    private KamervragenMetadata() {
    }

    /**
     * @param questionSentence "Vragen van het lid X (P) aan de Minister van Y over Z (ingezonden ...)." or null
     * @param answerSentence   "Antwoord van Minister W (ontvangen ...)." / "Mededeling van ..." or null
     * @param number           the Aanhangsel number, or null
     * @param mededeling       the text of a mededeling, or null
     * @param ingezonden       ISO date the source marks up, preferred to the one in the sentence; may be null
     * @param ontvangen        ISO date the source marks up, preferred to the one in the sentence; may be null
     */
    public static Kamervragen of(String questionSentence, String answerSentence, String number, String mededeling,
                                 String ingezonden, String ontvangen) {
        KamervragenHeading heading = questionSentence == null ? null : KamervragenHeading.parse(questionSentence);
        String answeredBy = heading == null ? null : heading.answeredBy();
        String received = null;
        if (answerSentence != null && AnswerIntro.starts(answerSentence)) {
            AnswerIntro intro = AnswerIntro.read(List.of(new SourceLine(1, answerSentence, 0, false)),
                    new boolean[1], 0, i -> false);
            answeredBy = intro.by();
            received = intro.ontvangen();
        }
        return new Kamervragen(heading == null ? List.of() : heading.askers(),
                heading == null ? null : heading.addressee(), heading == null ? null : heading.subject(), answeredBy,
                ingezonden != null ? ingezonden : heading == null ? null : heading.ingezonden(),
                ontvangen != null ? ontvangen : received, number, mededeling);
    }

    /** The party of the askers when they share one, else null ("Vragen van de leden A (P1) en B (P2)" → null). */
    public static String singleParty(String questionSentence) {
        return questionSentence == null ? null : KamervragenHeading.parse(questionSentence).singleParty();
    }
}
