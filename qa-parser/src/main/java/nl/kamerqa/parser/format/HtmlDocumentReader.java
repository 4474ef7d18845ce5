package nl.kamerqa.parser.format;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.parser.OfficialIds;
import nl.kamerqa.parser.UnsupportedDocumentException;
import nl.kamerqa.parser.format.PublicationRecord.KamerstukParts;
import nl.kamerqa.parser.format.PublicationRecord.KamervragenParts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a publication page of zoek.officielebekendmakingen.nl straight to a {@link ParsedDocument} (jsoup):
 * <ul>
 *   <li>Kamervragen: {@code div.vraag} and {@code div.antwoord} in document order, each labelled by its first
 *       heading or {@code .nummer} ("Vraag 10 en 11", "Antwoord 2 en 3"); the asking description
 *       ({@code .kamervraagomschrijving_kop}, else {@code DC.title}) gives the title and parties; genre KAMERVRAGEN;</li>
 *   <li>Kamerstukken: the {@code div.stuk} read as a flow of headings, paragraphs and list items;</li>
 *   <li>footnotes {@code div.voet.noot} with {@code span.nootnum}; references to them ({@code a.nootnum},
 *       {@code sup}) are taken out of the text and listed on the question or answer;</li>
 *   <li>documentId from {@code meta DC.identifier} (or {@code dcterms.identifier}, {@code OVERHEIDop.identifier}).</li>
 * </ul>
 * Line numbers are the HTML source's. This class reads the metadata; {@link HtmlBlocks} the text's structure,
 * {@link HtmlPassages} its paragraphs and footnotes, and {@link PublicationRecord} makes the record of them by the
 * rules the XML reader shares.
 */
public final class HtmlDocumentReader {

    private static final String BASE = "https://zoek.officielebekendmakingen.nl/";
    private static final int MAX_DEPTH = 512;

    private HtmlDocumentReader() {
    }

    /**
     * Thrown when an HTML page is readable but holds no officielebekendmakingen publication markup (no
     * {@code div.vraag}, {@code div.antwoord} or {@code div.stuk}); its {@link #text(byte[])} may still be read.
     */
    public static final class NoPublicationException extends UnsupportedDocumentException {
        NoPublicationException(String message) {
            super(message);
        }
    }

    /**
     * The visible text of a page, one line per paragraph, heading, list item, table cell or {@code br}, scripts and
     * styles left out: for pages that carry a document's text without the publication markup.
     */
    public static String text(byte[] html) {
        Objects.requireNonNull(html, "html");
        try {
            Parser parser = Parser.htmlParser().setMaxDepth(MAX_DEPTH);
            Document document = Jsoup.parse(new ByteArrayInputStream(html), null, BASE, parser);
            StringBuilder out = new StringBuilder();
            document.body().filter(new NodeFilter() {
                @Override
                public FilterResult head(Node node, int depth) {
                    if (node instanceof TextNode text) {
                        out.append(text.getWholeText().replaceAll("[\\s\\u00A0]+", " "));
                    } else if (node instanceof Element e) {
                        if (e.tagName().matches("script|style|noscript|template|head|nav")) {
                            return FilterResult.SKIP_ENTIRELY;
                        }
                        if (e.isBlock() || e.tagName().equals("br")) {
                            out.append('\n');
                        }
                    }
                    return FilterResult.CONTINUE;
                }

                @Override
                public FilterResult tail(Node node, int depth) {
                    if (node instanceof Element e && e.isBlock()) {
                        out.append('\n');
                    }
                    return FilterResult.CONTINUE;
                }
            });
            return out.toString().replaceAll(" *\n[ \n]*", "\n").strip() + "\n";
        } catch (IOException | RuntimeException e) {
            throw new UnsupportedDocumentException("HTML could not be read: " + e, e);
        }
    }

    /** The parsed document; {@link UnsupportedDocumentException} when the page holds no publication. */
    public static ParsedDocument read(byte[] html) {
        Objects.requireNonNull(html, "html");
        try {
            Parser parser = Parser.htmlParser().setTrackPosition(true).setMaxDepth(MAX_DEPTH);
            Document document = Jsoup.parse(new ByteArrayInputStream(html), null, BASE, parser);
            return new Mapping(document).document();
        } catch (UnsupportedDocumentException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnsupportedDocumentException("HTML could not be read: " + e, e);
        }
    }

    private static final class Mapping {
        private final Document page;
        private final Map<String, String> meta = new LinkedHashMap<>();
        private final HtmlPassages passages;
        private final HtmlBlocks blocks;

        Mapping(Document page) {
            this.page = page;
            for (Element m : page.select("meta[name][content]")) {
                meta.putIfAbsent(m.attr("name"), m.attr("content"));
            }
            this.passages = new HtmlPassages(page);
            this.blocks = new HtmlBlocks(passages);
        }

        ParsedDocument document() {
            Elements qa = page.select("div.vraag, div.antwoord");
            if (!qa.isEmpty()) {
                return kamervragen(qa);
            }
            Element stuk = page.selectFirst("div.stuk");
            if (stuk != null) {
                return kamerstuk(stuk);
            }
            throw new NoPublicationException(
                    "HTML holds no officielebekendmakingen publication: no div.vraag, div.antwoord or div.stuk");
        }

        private ParsedDocument kamervragen(Elements qa) {
            Element heading = page.selectFirst(".kamervraagomschrijving_kop, .kamervraagomschrijving");
            String title = heading != null ? passages.of(heading).text() : Publications.metaValue(meta, "DC.title");
            String id = documentId();
            String vergaderjaar = Publications.vergaderjaar(Publications.metaValue(meta, "OVERHEIDop.vergaderjaar"));
            if (id == null) {
                String number = Publications.metaValue(meta, "OVERHEIDop.aanhangselNummer");
                id = OfficialIds.aanhangsel(kamer(), vergaderjaar, number);
            }
            if (vergaderjaar == null && id != null) {
                Matcher m = Pattern.compile("^ah-[a-z]{2}-(\\d{4})(\\d{4})-").matcher(id);
                vergaderjaar = m.find() ? m.group(1) + "–" + m.group(2) : null;
            }
            Element answeredBy = null;
            // the answer's sentence is marked up like the question's: a second omschrijving (kop) after it
            for (Element o : page.select(".kamervraagomschrijving_kop, .kamervraagomschrijving")) {
                if (o != heading && o.text().matches("^(?:Antwoord|Mededeling) (?:van|namens) .*")) {
                    answeredBy = o;
                    break;
                }
            }
            Element number = page.selectFirst(".kamervraagnummer");
            String numberText = number == null ? Publications.metaValue(meta, "OVERHEIDop.aanhangselNummer")
                    : number.text().strip();
            Element mededeling = page.selectFirst(".kamervraagopmerking");
            return PublicationRecord.kamervragen(new KamervragenParts(id, kamer(), vergaderjaar, title,
                    blocks.questionsAndAnswers(qa), text(mededeling), text(answeredBy),
                    numberText != null && numberText.matches("\\d{1,6}") ? numberText : null, null, null),
                    passages.notes());
        }

        /** The passage text of an element, null when there is none. */
        private String text(Element element) {
            return element == null ? null : passages.of(element).text();
        }

        private ParsedDocument kamerstuk(Element stuk) {
            Element titleElement = stuk.selectFirst(".stuktitel, h1");
            String title = titleElement != null ? text(titleElement) : Publications.metaValue(meta, "DC.title");
            String vergaderjaar = Publications.vergaderjaar(Publications.metaValue(meta, "OVERHEIDop.vergaderjaar"));
            return PublicationRecord.kamerstuk(new KamerstukParts(documentId(), kamer(), vergaderjaar,
                    Publications.metaValue(meta, "OVERHEIDop.dossiernummer"),
                    Publications.metaValue(meta, "OVERHEIDop.ondernummer"), title, blocks.flow(stuk)),
                    passages.notes());
        }

        private String documentId() {
            String id = Publications.identifier(meta);
            if (id == null) {
                // the page links its technical information under the identifier
                Element link = page.selectFirst("a#technischeInfoHyperlink[href]");
                if (link != null) {
                    String href = link.attr("href");
                    id = Publications.identifierOrNull(href.substring(href.lastIndexOf('/') + 1));
                }
            }
            return id;
        }

        private String kamer() {
            String creator = Publications.metaValue(meta, "DC.creator");
            String kamer = Publications.kamer(creator);
            return kamer != null ? kamer : Publications.kamer(Publications.metaValue(meta, "OVERHEIDop.publicationName"));
        }
    }
}
