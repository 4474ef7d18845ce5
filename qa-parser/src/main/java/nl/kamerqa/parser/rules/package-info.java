/**
 * The rule set both routes read by: one small recogniser per construct, each quoting the convention it implements.
 * The text route (plain text, PDF, Word, ODT text) asks them line by line; the XML/HTML route asks them of the
 * headings, labels and paragraphs the markup gives. Question labels ({@link nl.kamerqa.parser.rules.QuestionLabel}),
 * bare number labels ({@link nl.kamerqa.parser.rules.NumberLabel}) and the number lists in both
 * ({@link nl.kamerqa.parser.rules.NumberList}), answer headings ({@link nl.kamerqa.parser.rules.AnswerHeading}),
 * party and part headings ({@link nl.kamerqa.parser.rules.PartyHeading},
 * {@link nl.kamerqa.parser.rules.DocumentHeading}), numbered paragraphs ({@link nl.kamerqa.parser.rules.QuestionStart})
 * and the genre a title names ({@link nl.kamerqa.parser.rules.TitleGenre}). Official ids are in the API package
 * ({@link nl.kamerqa.parser.OfficialIds}): the services build them by the same rule. Where a route needs context to
 * decide (is a bare number a label here?), the recogniser says what the line is and the route decides.
 */
package nl.kamerqa.parser.rules;
