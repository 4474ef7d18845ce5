package nl.kamerqa.parser.format;

import nl.kamerqa.parser.format.QaAssembler.Passage;

import java.util.ArrayList;
import java.util.List;

/**
 * A passage being read from publication markup (XML or HTML): its text as it comes, and the footnotes it cites, each
 * once, in the order first cited. The finished {@link Passage} has its whitespace collapsed and no colophon.
 */
final class PassageText {

    private final StringBuilder text = new StringBuilder();
    private final List<Integer> notes = new ArrayList<>();

    void append(String s) {
        text.append(s);
    }

    void space() {
        text.append(' ');
    }

    /** The passage cites footnote {@code number} (null: a reference to no footnote, left out). */
    void cite(Integer number) {
        if (number != null && !notes.contains(number)) {
            notes.add(number);
        }
    }

    Passage passage(Integer line) {
        return new Passage(Texts.withoutColophon(Texts.collapse(text)), notes, line);
    }
}
