package nl.kamerqa.parser.internal;

import nl.kamerqa.parser.rules.PartyHeading;
import nl.kamerqa.parser.rules.QuestionLabel;

/**
 * What sets one genre's labelled text apart from another's: each labelled reader passes its own to
 * {@link LabelledStructure}.
 *
 * @param answerIntro     the answers may follow all questions after "Antwoord van Minister ..." ({@link AnswerIntro})
 * @param mededeling      a "Mededeling" may replace the answers
 * @param labelsOnly      where the text has "Vraag 1" labels ({@link QuestionLabel}), a bare number heads no question
 * @param sectionHeadings numbered section headings ("3. Financiële gevolgen", {@link SectionHeading}) part the text
 * @param partyHeadings   party headings ({@link PartyHeading}) give the questions under them their party
 * @param askersParty     every question has the askers' party when they share one ({@link KamervragenHeading});
 *                        otherwise the party a question names ({@link AskingParty}) or its section's
 * @param indirectAsking  "De leden van de D66-fractie vragen of ..." asks without a question mark
 */
record LabelRules(boolean answerIntro, boolean mededeling, boolean labelsOnly, boolean sectionHeadings,
                  boolean partyHeadings, boolean askersParty, boolean indirectAsking) {
}
