package nl.kamerqa.parser.internal;

import nl.kamerqa.contracts.Genre;
import nl.kamerqa.parser.rules.AnswerHeading;
import nl.kamerqa.parser.rules.NumberLabel;
import nl.kamerqa.parser.rules.PartyHeading;
import nl.kamerqa.parser.rules.QuestionLabel;

/**
 * Reads a nota naar aanleiding van het (nader) verslag: the government's reply, question by question, to what the
 * parties asked about a bill.
 * <p>
 * Recognisers: {@link ListTitle} (its title) to detect; to read, {@link LabelledStructure} with {@link NumberLabel},
 * {@link QuestionLabel}, {@link AnswerHeading}, {@link SectionHeading} ("2.1 Voorgeschiedenis" parts the text),
 * {@link PartyHeading}, {@link AskingParty}, indirect asking ("De leden van de ...-fractie vragen ...") and
 * {@link ClosingLine}.
 */
final class NotaReader extends TitledListReader {

    @Override
    public Genre genre() {
        return Genre.NOTA_NAAR_AANLEIDING_VAN_HET_VERSLAG;
    }
}
