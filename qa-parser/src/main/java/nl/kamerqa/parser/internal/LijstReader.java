package nl.kamerqa.parser.internal;

import nl.kamerqa.contracts.Genre;
import nl.kamerqa.parser.rules.AnswerHeading;
import nl.kamerqa.parser.rules.NumberLabel;
import nl.kamerqa.parser.rules.PartyHeading;
import nl.kamerqa.parser.rules.QuestionLabel;

/**
 * Reads a lijst van vragen en antwoorden: a committee's numbered questions with the government's answers.
 * <p>
 * Recognisers: {@link ListTitle} (its title, or the verslag's sentence naming the list) to detect; to read,
 * {@link LabelledStructure} with {@link NumberLabel}, {@link QuestionLabel}, {@link AnswerHeading},
 * {@link SectionHeading}, {@link PartyHeading}, {@link AskingParty} and {@link ClosingLine}.
 */
final class LijstReader extends TitledListReader {

    @Override
    public Genre genre() {
        return Genre.LIJST_VAN_VRAGEN_EN_ANTWOORDEN;
    }
}
