package nl.kamerqa.parser.internal;

import nl.kamerqa.parser.rules.AnswerHeading;
import nl.kamerqa.parser.rules.NumberLabel;
import nl.kamerqa.parser.rules.QuestionLabel;
import java.util.ArrayList;
import java.util.List;

/**
 * Line navigation for the labelled readers: the text lines of a layout (page footers and footnote zones are none),
 * what follows a line, where paragraphs and sentences start.
 */
final class TextLines {

    private static final int MAX_FOLLOWING = 4;

    private final TextLayout layout;
    private final List<SourceLine> lines;
    private final boolean[] skip;
    private final int titleLast;

    /** @param titleLast index of the title's last line (a paragraph starts after it), -1 when there is none */
    TextLines(TextLayout layout, int titleLast) {
        this.layout = layout;
        this.lines = layout.lines();
        this.skip = layout.skip();
        this.titleLast = titleLast;
    }

    List<SourceLine> lines() {
        return lines;
    }

    boolean[] skip() {
        return skip;
    }

    int size() {
        return lines.size();
    }

    String text(int i) {
        return lines.get(i).text();
    }

    /** The line holds text: it is no footer, no footnote and not blank. */
    boolean isText(int i) {
        return !skip[i] && !lines.get(i).isBlank();
    }

    /** The text of a part {line index, offset}: its line from the offset. */
    String text(int[] part) {
        return lines.get(part[0]).text().substring(part[1]);
    }

    /** The next few text lines after line {@code i} (footers and footnotes left out, blank lines ending them). */
    List<String> following(int i) {
        List<String> out = new ArrayList<>(MAX_FOLLOWING);
        for (int j = i + 1; j < lines.size() && out.size() < MAX_FOLLOWING; j++) {
            if (skip[j]) {
                continue;
            }
            if (lines.get(j).isBlank()) {
                if (out.isEmpty()) {
                    continue;
                }
                break;
            }
            out.add(lines.get(j).text());
        }
        return out;
    }

    /** The index of the {@code count}-th text line after {@code i} (the last line a label went on onto). */
    int skipLines(int i, int count) {
        int j = i;
        for (int k = 0; k < count; k++) {
            j++;
            while (j < lines.size() && (skip[j] || lines.get(j).isBlank())) {
                j++;
            }
        }
        return Math.min(j, lines.size() - 1);
    }

    /** The next line's text when it is no footer or footnote, else null. */
    String nextText(int i) {
        int next = i + 1;
        return next < lines.size() && !skip[next] ? lines.get(next).text() : null;
    }

    /** A label line stops a heading or introduction that would otherwise run on. */
    boolean isLabel(int i) {
        String text = lines.get(i).text();
        return QuestionLabel.recognise(text, nextText(i)).isPresent() || AnswerHeading.recognise(text).isPresent()
                || isMededelingHeading(text) || AnswerIntro.starts(text) || KamervragenHeading.starts(text);
    }

    // convention: "Mededeling" alone on its line heads the text that replaces the answers
    static boolean isMededelingHeading(String text) {
        return text.equals("Mededeling") || text.equals("Mededeling:") || text.equals("MEDEDELING");
    }

    /** The line's text without a footnote marker at its end. */
    String withoutTrailingMarker(int line) {
        String text = lines.get(line).text();
        List<FootnoteLayout.Marker> markers = layout.notes().markers(line);
        for (FootnoteLayout.Marker m : markers) {
            if (m.end() == text.length()) {
                return text.substring(0, m.start()).strip();
            }
        }
        return text;
    }

    /** A blank line stands between two text lines of the same page. */
    boolean blankBetween(int a, int b) {
        boolean blank = false;
        for (int j = a + 1; j < b; j++) {
            if (skip[j] || layout.pages().startsPage(j)) {
                return false;
            }
            blank |= lines.get(j).isBlank();
        }
        return blank && !layout.pages().startsPage(b);
    }

    /** Line {@code i} starts a paragraph: after a blank line, a page start, a sentence end, a label or the title. */
    boolean startsParagraph(int i) {
        int previous = i - 1;
        while (previous >= 0 && skip[previous]) {
            previous--;
        }
        if (previous < 0 || layout.pages().startsPage(i) || lines.get(previous).isBlank()) {
            return true;
        }
        String before = withoutTrailingMarker(previous);
        char end = before.isEmpty() ? '.' : before.charAt(before.length() - 1);
        int earlier = previous - 1;
        while (earlier >= 0 && skip[earlier]) {
            earlier--;
        }
        boolean afterSignature = earlier >= 0 && ClosingLine.recognise(lines.get(earlier).text(), lines.get(previous).text());
        return end == '?' || end == '.' || end == '!' || end == ':' || afterSignature || isLabel(previous)
                || NumberLabel.recognise(before).isPresent() || SectionHeading.recognise(before).isPresent()
                || previous == titleLast;
    }

    /** "Hoeveel ...", "«Dredging ...»": what a question's first line starts with; "410 XV," is no such start. */
    static boolean startsWithCapital(String text) {
        int k = 0;
        while (k < text.length() && "«“‘\"'(".indexOf(text.charAt(k)) >= 0) {
            k++;
        }
        return k < text.length() && Character.isUpperCase(text.charAt(k));
    }

    static boolean startsSentence(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return Character.isUpperCase(c) || Character.isDigit(c) || "«“‘\"'(–-•".indexOf(c) >= 0;
    }

    /** The bare number just above the Kamervragen heading: the Aanhangsel number ("698"). */
    String numberAbove(int i) {
        for (int j = i - 1; j >= 0 && j >= i - 3; j--) {
            if (skip[j] || lines.get(j).isBlank()) {
                continue;
            }
            String text = lines.get(j).text();
            return text.matches("\\d{1,5}") ? text : null;
        }
        return null;
    }

    /**
     * convention: a number alone as the last line of a page, when the next page opens on a bare number as well, is
     * the page's furniture (its printed number); the label is the one on the next page.
     */
    boolean isPageFurniture(int i, NumberLabel label) {
        if (label.used() > 0) {
            return false;
        }
        boolean pageBreak = false;
        for (int j = i + 1; j < lines.size(); j++) {
            pageBreak |= layout.pages().startsPage(j) || lines.get(j).formFeedBefore();
            if (skip[j] || lines.get(j).isBlank()) {
                continue;
            }
            return pageBreak && NumberLabel.recognise(lines.get(j).text(), following(j)).isPresent();
        }
        return false;
    }
}
