package nl.kamerqa.parser.format;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Footnote;
import nl.kamerqa.parser.OfficialIds;
import nl.kamerqa.parser.UnsupportedDocumentException;
import nl.kamerqa.parser.format.QaAssembler.FlowBlock;
import nl.kamerqa.parser.format.QaAssembler.FlowKind;
import nl.kamerqa.parser.format.QaAssembler.Passage;
import nl.kamerqa.parser.format.QaAssembler.QaBlock;
import nl.kamerqa.parser.internal.KamervragenMetadata;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Line numbers are the HTML source's.
 */
public final class HtmlDocumentReader {

    private static final String BASE = "https://zoek.officielebekendmakingen.nl/";
    private static final int MAX_DEPTH = 512;
    private static final Pattern MARKER_TEXT = Pattern.compile("^[\\s\\d,\\[\\]()]+$");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,4}");
    private static final String FOOTNOTE = "div.voet.noot, div.noot.voet, div.voetnoot";
    private static final String LABEL = "h1, h2, h3, h4, h5, h6, .nummer, .vraagnummer, .antwoordnummer";

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
        private final Map<String, Integer> noteNumberById = new HashMap<>();
        private final Map<Integer, Footnote> footnotes = new LinkedHashMap<>();

        Mapping(Document page) {
            this.page = page;
            for (Element m : page.select("meta[name][content]")) {
                meta.putIfAbsent(m.attr("name"), m.attr("content"));
            }
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
                    noteNumberById.put(note.id(), number);
                }
                for (Element anchor : note.select("[id], a[name]")) {
                    String key = anchor.id().isEmpty() ? anchor.attr("name") : anchor.id();
                    noteNumberById.putIfAbsent(key, number);
                }
                footnotes.putIfAbsent(number, new Footnote(number, text, null));
            }
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
            String title = heading != null ? passage(heading).text() : Publications.metaValue(meta, "DC.title");
            List<String> parties = Publications.partiesOfOmschrijving(title);
            List<QaBlock> blocks = new ArrayList<>();
            boolean anyAnswer = false;
            for (Element block : qa) {
                if (block.parents().stream().anyMatch(p -> p.hasClass("vraag") || p.hasClass("antwoord"))) {
                    continue;
                }
                boolean answer = block.hasClass("antwoord");
                anyAnswer |= answer;
                blocks.add(block(block, answer));
            }
            QaAssembler.Result result = QaAssembler.kamervragen(blocks, Publications.singleParty(parties));
            List<String> warnings = new ArrayList<>(result.warnings());
            Element mededeling = page.selectFirst(".kamervraagopmerking");
            if (!anyAnswer && mededeling != null) {
                warnings.add("no answers; mededeling: " + passage(mededeling).text());
            }
            String id = documentId();
            String vergaderjaar = Publications.vergaderjaar(Publications.metaValue(meta, "OVERHEIDop.vergaderjaar"));
            if (id == null) {
                String number = Publications.metaValue(meta, "OVERHEIDop.aanhangselNummer");
                id = OfficialIds.aanhangsel(kamer(), vergaderjaar, number);
            }
            String kamer = kamer() != null ? kamer() : Publications.kamerOfIdentifier(id);
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
            return Publications.document(id, Publications.GENRE_KAMERVRAGEN, title, kamer, vergaderjaar, null, null,
                    parties, result.questions(), new ArrayList<>(footnotes.values()), warnings)
                    .withKamervragen(KamervragenMetadata.of(title, answeredBy == null ? null : passage(answeredBy).text(),
                            numberText != null && numberText.matches("\\d{1,6}") ? numberText : null,
                            !anyAnswer && mededeling != null ? passage(mededeling).text() : null, null, null));
        }

        private QaBlock block(Element block, boolean answer) {
            List<String> labels = new ArrayList<>();
            List<Passage> passages = new ArrayList<>();
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
                Passage passage = passage(p);
                if (!passage.text().isEmpty()) {
                    passages.add(passage);
                }
            }
            return new QaBlock(answer, labels, passages, line(block));
        }

        private ParsedDocument kamerstuk(Element stuk) {
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
                    Passage p = passage(copy, line(e));
                    if (!p.text().isEmpty()) {
                        blocks.add(new FlowBlock(FlowKind.LIST_ITEM, label, p));
                    }
                    continue;
                }
                Passage p = passage(e);
                if (!p.text().isEmpty()) {
                    blocks.add(new FlowBlock(heading ? FlowKind.HEADING : FlowKind.PARAGRAPH, null, p));
                }
            }
            QaAssembler.Result result = QaAssembler.kamerstuk(blocks);
            Element titleElement = stuk.selectFirst(".stuktitel, h1");
            String title = titleElement != null ? passage(titleElement).text() : Publications.metaValue(meta, "DC.title");
            String dossier = Publications.metaValue(meta, "OVERHEIDop.dossiernummer");
            String ondernummer = Publications.metaValue(meta, "OVERHEIDop.ondernummer");
            String id = documentId();
            if (id == null) {
                id = OfficialIds.kamerstuk(dossier, ondernummer);
            }
            String vergaderjaar = Publications.vergaderjaar(Publications.metaValue(meta, "OVERHEIDop.vergaderjaar"));
            return Publications.document(id, Publications.genreOfStuk(title), title, kamer(), vergaderjaar, dossier,
                    ondernummer, result.parties(), result.questions(), new ArrayList<>(footnotes.values()),
                    result.warnings());
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

        private Passage passage(Element element) {
            return passage(element, line(element));
        }

        /** Text of an element with footnote references taken out and listed; whitespace collapsed. */
        private Passage passage(Element element, Integer line) {
            StringBuilder sb = new StringBuilder();
            List<Integer> notes = new ArrayList<>();
            element.filter(new NodeFilter() {
                @Override
                public FilterResult head(Node node, int depth) {
                    if (node instanceof TextNode text) {
                        sb.append(text.getWholeText());
                        return FilterResult.CONTINUE;
                    }
                    if (node instanceof Element e) {
                        if (e.tagName().equals("br")) {
                            sb.append(' ');
                        }
                        List<Integer> cited = footnoteReference(e);
                        if (cited != null) {
                            cited.stream().filter(n -> !notes.contains(n)).forEach(notes::add);
                            return FilterResult.SKIP_ENTIRELY;
                        }
                        if (e != element && e.is(FOOTNOTE)) {
                            return FilterResult.SKIP_ENTIRELY;
                        }
                        if (e.tagName().matches("script|style")) {
                            return FilterResult.SKIP_ENTIRELY;
                        }
                        if (e.isBlock() && e != element) {
                            sb.append(' ');
                        }
                    }
                    return FilterResult.CONTINUE;
                }
            });
            return new Passage(Texts.withoutColophon(Texts.collapse(sb)), notes, line);
        }

        /**
         * The footnote numbers an element cites, or null when it is no reference: {@code a.nootnum}, a link to a
         * footnote's id, or a {@code sup} holding only numbers the page prints as footnotes.
         */
        private List<Integer> footnoteReference(Element e) {
            boolean anchor = e.tagName().equals("a") && (e.hasClass("nootnum") || e.attr("href").startsWith("#")
                    && noteNumberById.containsKey(e.attr("href").substring(1)));
            boolean sup = e.tagName().equals("sup") && MARKER_TEXT.matcher(e.text()).matches();
            if (!anchor && !sup) {
                return null;
            }
            List<Integer> numbers = new ArrayList<>();
            String href = e.tagName().equals("a") ? e.attr("href") : "";
            if (href.startsWith("#") && noteNumberById.containsKey(href.substring(1))) {
                numbers.add(noteNumberById.get(href.substring(1)));
            } else {
                Matcher m = DIGITS.matcher(e.text());
                while (m.find()) {
                    numbers.add(Integer.parseInt(m.group()));
                }
            }
            // a bare superscript is only a marker when it names printed footnotes ("m<sup>2</sup>" is not)
            if (!anchor && (numbers.isEmpty() || !footnotes.keySet().containsAll(numbers))) {
                return null;
            }
            return numbers;
        }

        private static Integer line(Element e) {
            int line = e.sourceRange().start().lineNumber();
            return line > 0 ? line : null;
        }
    }
}
