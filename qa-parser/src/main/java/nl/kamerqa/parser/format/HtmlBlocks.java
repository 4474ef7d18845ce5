package nl.kamerqa.parser.format;

import nl.kamerqa.parser.format.QaAssembler.FlowBlock;
import nl.kamerqa.parser.format.QaAssembler.FlowKind;
import nl.kamerqa.parser.format.QaAssembler.Passage;
import nl.kamerqa.parser.format.QaAssembler.QaBlock;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.util.ArrayList;
import java.util.List;

import static nl.kamerqa.parser.format.HtmlPassages.FOOTNOTE;
import static nl.kamerqa.parser.format.HtmlPassages.line;

/**
 * A publication page's text as the blocks {@link QaAssembler} reads: {@code div.vraag} and {@code div.antwoord}
 * labelled by their first heading or {@code .nummer}, and a Kamerstuk's {@code div.stuk} as a flow of headings,
 * paragraphs and list items.
 */
final class HtmlBlocks {

    private static final String LABEL = "h1, h2, h3, h4, h5, h6, .nummer, .vraagnummer, .antwoordnummer";

    private final HtmlPassages passages;

    HtmlBlocks(HtmlPassages passages) {
        this.passages = passages;
    }

    /** The outermost of {@code qa} ({@code div.vraag, div.antwoord}) in document order. */
    List<QaBlock> questionsAndAnswers(Elements qa) {
        List<QaBlock> blocks = new ArrayList<>();
        for (Element block : qa) {
            if (block.parents().stream().anyMatch(p -> p.hasClass("vraag") || p.hasClass("antwoord"))) {
                continue;
            }
            blocks.add(block(block, block.hasClass("antwoord")));
        }
        return blocks;
    }

    private QaBlock block(Element block, boolean answer) {
        List<String> labels = new ArrayList<>();
        List<Passage> paragraphs = new ArrayList<>();
        Element label = block.selectFirst(LABEL);
        if (label != null && QuestionLabels.isLabel(label.text(), answer)) {
            labels.add(label.text());
        } else {
            label = null;
        }
        for (Element p : block.select("p, li")) {
            if (p == label || p.closest(FOOTNOTE) != null || (label != null && p.parents().contains(label))
                    || (p.tagName().equals("p") && p.closest("li") != null && p.closest("li") != p)) {
                continue;
            }
            Passage passage = passages.of(p);
            if (!passage.text().isEmpty()) {
                paragraphs.add(passage);
            }
        }
        return new QaBlock(answer, labels, paragraphs, line(block));
    }

    /** The stuk's text as a flow of headings, paragraphs and list items, in document order. */
    List<FlowBlock> flow(Element stuk) {
        List<FlowBlock> blocks = new ArrayList<>();
        for (Element e : stuk.select("h2, h3, h4, h5, h6, p, li")) {
            if (e.closest(FOOTNOTE) != null || e.hasClass("stuktitel")) {
                continue;
            }
            if (e.tagName().equals("p") && e.closest("li") != null) {
                continue;
            }
            boolean heading = e.tagName().matches("h[2-6]") || e.hasClass("tussenkop") || e.hasClass("kop");
            if (heading && e.parents().stream().anyMatch(p -> p.tagName().matches("h[2-6]|p"))) {
                continue;
            }
            if (e.tagName().equals("li")) {
                Element nr = e.selectFirst(".li-nr, .nummer, .nr");
                String label = nr != null ? nr.text() : null;
                Element copy = e.clone();
                if (nr != null) {
                    Element copyNr = copy.selectFirst(".li-nr, .nummer, .nr");
                    if (copyNr != null) {
                        copyNr.remove();
                    }
                }
                copy.select("ul, ol").remove();
                if (label == null && e.parent() != null && e.parent().tagName().equals("ol")) {
                    label = String.valueOf(e.elementSiblingIndex() + 1);
                }
                Passage p = passages.of(copy, line(e));
                if (!p.text().isEmpty()) {
                    blocks.add(new FlowBlock(FlowKind.LIST_ITEM, label, p));
                }
                continue;
            }
            Passage p = passages.of(e);
            if (!p.text().isEmpty()) {
                blocks.add(new FlowBlock(heading ? FlowKind.HEADING : FlowKind.PARAGRAPH, null, p));
            }
        }
        return blocks;
    }
}
