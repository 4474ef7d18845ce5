package nl.kamerqa.parser.internal;

import nl.kamerqa.parser.rules.QuestionStart;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An open question or answer of a labelled text: its numbers, the line of its label, its text lines. */
final class LabelGroup {

    private static final int MAX_SECTION_NUMBER = 40;

    final boolean answer;
    final List<Integer> numbers;
    final int label;
    /** Headed by a bare number ("5, 6 en 7") rather than a "Vraag" label. */
    final boolean bare;
    /** Its text lines as {line index, offset of the text in the line}. */
    final List<int[]> parts = new ArrayList<>();
    /** The next item number of a numbered list inside its text, 0 when none is open. */
    int listNext;

    LabelGroup(boolean answer, List<Integer> numbers, int label, boolean bare) {
        this.answer = answer;
        this.numbers = new ArrayList<>(numbers);
        this.label = label;
        this.bare = bare;
    }

    /**
     * "3. Financiële gevolgen" between questions is a section; inside a text "1. Eerst geluisterd" starts a list and
     * "2. Dan gewogen" continues it: such a line is this group's text, no section.
     */
    boolean holds(SectionHeading section) {
        if (section.nested()) {
            return false;
        }
        if (section.number() > MAX_SECTION_NUMBER || section.number() == 1) {
            return true;
        }
        return listNext != 0 && section.number() == listNext;
    }

    /** Numbered list inside the text: "1." starts it, each next number continues it. */
    void countListItem(String text) {
        Optional<QuestionStart> item = QuestionStart.recognise(text);
        if (item.isEmpty()) {
            return;
        }
        int n = item.get().number();
        if (n == 1) {
            listNext = 2;
        } else if (n == listNext) {
            listNext++;
        }
    }
}
