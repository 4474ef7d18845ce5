package nl.kamerqa.parser.format;

import nl.kamerqa.parser.format.QaAssembler.Passage;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The running text of a publication page's elements: a {@link Passage} per element with its footnote references
 * ({@code a.nootnum}, a link to a footnote, a {@code sup} naming printed footnotes) taken out and listed by number,
 * and the footnote table, {@code div.voet.noot} with {@code span.nootnum}, those numbers refer to.
 */
final class HtmlPassages {

    static final String FOOTNOTE = "div.voet.noot, div.noot.voet, div.voetnoot";
    private static final Pattern MARKER_TEXT = Pattern.compile("^[\\s\\d,\\[\\]()]+$");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,4}");

    private final PublicationNotes notes = new PublicationNotes();

    /** Reads the footnotes the page prints. */
    HtmlPassages(Document page) {
        int sequence = 0;
        for (Element note : page.select(FOOTNOTE)) {
            sequence++;
            Element num = note.selectFirst("span.nootnum, .nootnum, sup");
            String numberText = num != null ? num.text() : note.text();
            Matcher d = Pattern.compile("^\\D{0,3}(\\d{1,4})").matcher(numberText.strip());
            int number = d.find() ? Integer.parseInt(d.group(1)) : sequence;
            Element copy = note.clone();
            Element copyNum = copy.selectFirst("span.nootnum, .nootnum, sup");
            if (copyNum != null) {
                copyNum.remove();
            }
            String text = Texts.collapse(copy.text());
            if (copyNum == null) {
                text = text.replaceFirst("^" + number + "\\s*", "");
            }
            if (!note.id().isEmpty()) {
                notes.name(note.id(), number);
            }
            for (Element anchor : note.select("[id], a[name]")) {
                String key = anchor.id().isEmpty() ? anchor.attr("name") : anchor.id();
                notes.nameIfNew(key, number);
            }
            notes.add(number, text);
        }
    }

    PublicationNotes notes() {
        return notes;
    }

    Passage of(Element element) {
        return of(element, line(element));
    }

    /** Text of an element with footnote references taken out and listed; whitespace collapsed. */
    Passage of(Element element, Integer line) {
        PassageText passage = new PassageText();
        element.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    passage.append(text.getWholeText());
                    return FilterResult.CONTINUE;
                }
                if (node instanceof Element e) {
                    if (e.tagName().equals("br")) {
                        passage.space();
                    }
                    List<Integer> cited = footnoteReference(e);
                    if (cited != null) {
                        cited.forEach(passage::cite);
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (e != element && e.is(FOOTNOTE)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (e.tagName().matches("script|style")) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (e.isBlock() && e != element) {
                        passage.space();
                    }
                }
                return FilterResult.CONTINUE;
            }
        });
        return passage.passage(line);
    }

    /**
     * The footnote numbers an element cites, or null when it is no reference: {@code a.nootnum}, a link to a
     * footnote's id, or a {@code sup} holding only numbers the page prints as footnotes.
     */
    private List<Integer> footnoteReference(Element e) {
        boolean anchor = e.tagName().equals("a") && (e.hasClass("nootnum") || e.attr("href").startsWith("#")
                && notes.names(e.attr("href").substring(1)));
        boolean sup = e.tagName().equals("sup") && MARKER_TEXT.matcher(e.text()).matches();
        if (!anchor && !sup) {
            return null;
        }
        List<Integer> numbers = new ArrayList<>();
        String href = e.tagName().equals("a") ? e.attr("href") : "";
        if (href.startsWith("#") && notes.names(href.substring(1))) {
            numbers.add(notes.numberOf(href.substring(1)));
        } else {
            Matcher m = DIGITS.matcher(e.text());
            while (m.find()) {
                numbers.add(Integer.parseInt(m.group()));
            }
        }
        // a bare superscript is only a marker when it names printed footnotes ("m<sup>2</sup>" is not)
        if (!anchor && (numbers.isEmpty() || !notes.printsAll(numbers))) {
            return null;
        }
        return numbers;
    }

    /** The element's line in the HTML source, null when unknown. */
    static Integer line(Element e) {
        int line = e.sourceRange().start().lineNumber();
        return line > 0 ? line : null;
    }
}
