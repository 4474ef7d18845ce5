package nl.kamerqa.parser.format;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static nl.kamerqa.parser.format.DocxXml.attribute;
import static nl.kamerqa.parser.format.DocxXml.child;

/** Which paragraphs of a .docx document are headings; each style is looked up once. */
final class DocxHeadings {

    private final XWPFDocument document;
    private final Map<String, Boolean> headingStyles = new HashMap<>();

    DocxHeadings(XWPFDocument document) {
        this.document = document;
    }

    /**
     * convention: Word marks a heading by an outline level below 9 on the paragraph or its style, and names its
     * built-in heading styles "heading 1" to "heading 9" and "Title" in every language (the style id may be
     * localised: "Kop1")
     */
    boolean isHeading(Node p) {
        Element pPr = child(p, "pPr");
        if (pPr == null) {
            return false;
        }
        if (outlineLevel(pPr)) {
            return true;
        }
        String styleId = attribute(child(pPr, "pStyle"), "val");
        return styleId != null && headingStyles.computeIfAbsent(styleId, this::isHeadingStyle);
    }

    private boolean isHeadingStyle(String styleId) {
        XWPFStyles styles = document.getStyles();
        XWPFStyle style = styles == null ? null : styles.getStyle(styleId);
        if (style == null) {
            return false;
        }
        String name = style.getName() == null ? "" : style.getName().toLowerCase(Locale.ROOT);
        return name.startsWith("heading ") || name.equals("title")
                || outlineLevel(child(style.getCTStyle().getDomNode(), "pPr"));
    }

    private static boolean outlineLevel(Element pPr) {
        String level = attribute(child(pPr, "outlineLvl"), "val");
        return level != null && Texts.parseIntOr(level, 9) < 9;
    }
}
