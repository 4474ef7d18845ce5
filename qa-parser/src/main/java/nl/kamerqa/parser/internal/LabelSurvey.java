package nl.kamerqa.parser.internal;

import nl.kamerqa.parser.rules.AnswerHeading;
import nl.kamerqa.parser.rules.QuestionLabel;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the labels of a whole labelled text say about how it answers, seen before it is walked.
 *
 * @param headless       no answer heading and no mededeling anywhere: each answer follows its question directly
 * @param partlyHeadless an answer no heading names may follow its question (there is no mededeling, and the answers
 *                       do not all come after an "Antwoord van Minister ..." introduction)
 * @param headed         the question numbers answer headings name
 * @param bareLabels     a bare number may head a question
 */
record LabelSurvey(boolean headless, boolean partlyHeadless, Set<Integer> headed, boolean bareLabels) {

    static LabelSurvey of(TextLines lines, LabelRules rules) {
        boolean anyAnswerHeading = false;
        boolean anyQuestionLabel = false;
        boolean anyMededeling = false;
        boolean answersAfterIntro = false;
        Set<Integer> headed = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.isText(i)) {
                continue;
            }
            String text = lines.text(i);
            Optional<AnswerHeading> answerHeading = AnswerHeading.recognise(text);
            anyAnswerHeading |= answerHeading.isPresent();
            answerHeading.ifPresent(h -> headed.addAll(h.covers()));
            anyQuestionLabel |= QuestionLabel.recognise(text, lines.nextText(i)).isPresent();
            anyMededeling |= TextLines.isMededelingHeading(text) || text.startsWith("Mededeling van");
            if (rules.answerIntro() && AnswerIntro.starts(text) && anyQuestionLabel) {
                anyAnswerHeading = true; // "Antwoord van Minister ..." after the questions: the answers follow
                answersAfterIntro = true;
            }
        }
        return new LabelSurvey(!anyAnswerHeading && !anyMededeling, !anyMededeling && !answersAfterIntro, headed,
                !rules.labelsOnly() || !anyQuestionLabel);
    }
}
