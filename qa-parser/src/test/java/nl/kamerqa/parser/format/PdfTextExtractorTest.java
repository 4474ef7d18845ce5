package nl.kamerqa.parser.format;

import nl.kamerqa.parser.UnsupportedDocumentException;
import nl.kamerqa.parser.extracted.ExtractedLine;
import nl.kamerqa.parser.extracted.ExtractedText;
import nl.kamerqa.parser.extracted.LineRole;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PdfTextExtractorTest {

    private static final Pattern OFFICIAL_FOOTER = Pattern.compile(
            "^Tweede Kamer, vergaderjaar \\d{4}–\\d{4}, Aanhangsel(?: (\\d+))?$");
    private static final Pattern FOOTNOTE_START = Pattern.compile("^(\\d{1,3}) \\S.*");

    private static final Map<String, String> EXTRACTED = new ConcurrentHashMap<>();

    /** Each sample is extracted once per run: the tests only read the text. */
    private static String text(String name, Supplier<byte[]> pdf) {
        return EXTRACTED.computeIfAbsent(name, k -> PdfTextExtractor.extract(pdf.get()));
    }

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("ah-tk-20232024-1786", (Supplier<byte[]>) FormatSamples::kamervragenPdfWithSixteenFootnotes, 6, 16),
                Arguments.of("ah-tk-20142015-698", (Supplier<byte[]>) FormatSamples::kamervragenPdfWithCombinedQuestions, 3, 4),
                Arguments.of("ah-tk-20232024-1999", (Supplier<byte[]>) FormatSamples::kamervragenPdfWithoutAnswers, 1, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyPageBreakIsOneFormFeed(String name, Supplier<byte[]> pdf, int pages, int footnotes) {
        String text = text(name, pdf);

        assertThat(text.chars().filter(c -> c == '\f').count()).isEqualTo(pages - 1);
        assertThat(text).doesNotEndWith("\f");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyPageEndsWithItsOfficialFooterNamingThePrintedPage(String name, Supplier<byte[]> pdf, int pages, int footnotes) {
        List<List<String>> byPage = pages(text(name, pdf));

        for (int i = 0; i < byPage.size(); i++) {
            List<String> page = byPage.get(i);
            String last = page.get(page.size() - 1);
            Matcher footer = OFFICIAL_FOOTER.matcher(last);
            assertThat(footer.matches()).as("last line of page %d: %s", i + 1, last).isTrue();
            if (footer.group(1) != null) {
                assertThat(Integer.parseInt(footer.group(1))).isEqualTo(i + 1);
            }
            assertThat(page.get(page.size() - 2)).as("blank line before the footer").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void noBarePageNumberLinesRemain(String name, Supplier<byte[]> pdf, int pages, int footnotes) {
        List<List<String>> byPage = pages(text(name, pdf));

        List<String> digitOnly = new ArrayList<>();
        for (int i = 0; i < byPage.size(); i++) {
            List<String> page = byPage.get(i);
            List<String> body = body(page);
            // the title block of page 1 prints the Kamer ("2") and the Aanhangsel number; those are no page numbers
            int from = i == 0 ? body.indexOf("Vraag 1") : 0;
            assertThat(from).isNotNegative();
            body.subList(from, body.size()).stream().filter(l -> l.matches("\\d{1,4}")).forEach(digitOnly::add);
            assertThat(page).as("page %d", i + 1).doesNotContain(String.valueOf(i + 1));
        }
        assertThat(digitOnly).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void footnotesStandAtTheirPageBottomNumberFirstInOrder(String name, Supplier<byte[]> pdf, int pages, int footnotes) {
        List<List<String>> byPage = pages(text(name, pdf));

        List<Integer> numbers = new ArrayList<>();
        for (List<String> page : byPage) {
            List<String> block = footnoteBlock(page);
            for (String line : block) {
                Matcher m = FOOTNOTE_START.matcher(line);
                if (m.matches() && Integer.parseInt(m.group(1)) == numbers.size() + 1) {
                    numbers.add(Integer.parseInt(m.group(1)));
                }
            }
            if (!block.isEmpty()) {
                assertThat(block.get(0)).as("a footnote block starts with a numbered footnote").matches(FOOTNOTE_START);
            }
        }
        assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, footnotes).boxed().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void typedLinesGiveEachPageItsOfficialFooterAndEachFootnoteItsNumber(String name, Supplier<byte[]> pdf, int pages,
                                                                          int footnotes) {
        ExtractedText typed = PdfTextExtractor.extractLines(pdf.get());

        assertThat(typed.lines()).filteredOn(l -> l.role() == LineRole.FOOTER).extracting(ExtractedLine::page)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, pages).boxed().toList());
        assertThat(typed.lines()).filteredOn(l -> l.role() == LineRole.FOOTER).extracting(ExtractedLine::text)
                .allMatch(text -> OFFICIAL_FOOTER.matcher(text).matches());
        assertThat(typed.lines()).filteredOn(l -> l.role() == LineRole.FOOTNOTE).extracting(ExtractedLine::note)
                .isSorted().containsAll(IntStream.rangeClosed(1, footnotes).boxed().toList()).allMatch(n -> n <= footnotes);
        int previous = 0;
        for (ExtractedLine line : typed.lines()) {
            if (line.role() == LineRole.FOOTNOTE && line.note() != previous) {
                assertThat(line.text()).as("first line of footnote %d", line.note()).startsWith(line.note() + " ");
                previous = line.note();
            }
        }
        assertThat(typed.text()).isEqualTo(text(name, pdf));
    }

    @Test
    void footnoteLinesStandOnThePagesThatPrintThem() {
        Map<Integer, Set<Integer>> pagesOfNotes = new TreeMap<>();
        for (ExtractedLine line : PdfTextExtractor.extractLines(FormatSamples.kamervragenPdfWithSixteenFootnotes()).lines()) {
            if (line.role() == LineRole.FOOTNOTE) {
                pagesOfNotes.computeIfAbsent(line.page(), p -> new TreeSet<>()).add(line.note());
            }
        }

        assertThat(pagesOfNotes).isEqualTo(Map.of(1, Set.of(1), 2, Set.of(2, 3, 4), 3, Set.of(5, 6, 7, 8),
                4, Set.of(9), 5, Set.of(10, 11, 12, 13, 14), 6, Set.of(15, 16)));
    }

    @Test
    void footnoteContinuationLineStartingWithAYearIsTypedAsPartOfItsNote() {
        List<ExtractedLine> lines = PdfTextExtractor.extractLines(FormatSamples.kamervragenPdfWithCombinedQuestions()).lines();

        assertThat(lines).containsSubsequence(
                ExtractedLine.footnote("1 Financieel Dagblad, «Schadepost van tientallen miljoenen voor ziekenhuizen», 24 september", 1, 1),
                ExtractedLine.footnote("2014", 1, 1));
        assertThat(lines).filteredOn(l -> l.role() == LineRole.FOOTNOTE).allMatch(l -> l.page() == 1);
        assertThat(lines).filteredOn(l -> l.role() != LineRole.FOOTNOTE && l.role() != LineRole.BODY)
                .extracting(ExtractedLine::text).containsExactly("Tweede Kamer, vergaderjaar 2014–2015, Aanhangsel 1",
                        "Tweede Kamer, vergaderjaar 2014–2015, Aanhangsel 2", "Tweede Kamer, vergaderjaar 2014–2015, Aanhangsel 3");
    }

    @Test
    void footnoteTextsAndTheirContinuationLinesFollowTheirNumbers() {
        List<List<String>> byPage = pages(PdfTextExtractor.extract(FormatSamples.kamervragenPdfWithSixteenFootnotes()));

        assertThat(footnoteBlock(byPage.get(0)))
                .containsExactly("1 https://www.bothends.org/en/Whats-new/Publicaties/Dredging-Destruction/");
        // pdftotext prints "6" after footnote 8 here; the glyph positions put it before its own text
        assertThat(footnoteBlock(byPage.get(2))).containsExactly(
                "5 Kamerstuk 26 485, nr. 407",
                "6 www.mozambiquelng.co.mz/sustainability/resettlement/livelihood-restoration-programs/",
                "7 www.gulhifalhu.mv",
                "8 www.gulhifalhu.mv");
        assertThat(footnoteBlock(byPage.get(3))).containsExactly(
                "9 https://kalikasan.net/green-group-files-complaint-to-un-special-rapporteur-regarding-jhed-and-",
                "jonilas-abduction-case/articles/");
        // pdftotext stacks "15" and "16" before both texts
        assertThat(footnoteBlock(byPage.get(5))).containsExactly(
                "15 Kamerstuk 26 485, nr. 380",
                "16 Het actuele transparantiebeleid is te raadplegen op de website van ADSB: Beleidsdocumenten",
                "Atradius DSB, transparantie, mvo (atradiusdutchstatebusiness.nl)");
    }

    @Test
    void continuationLineStartingWithAYearIsNoNewFootnote() {
        List<List<String>> byPage = pages(PdfTextExtractor.extract(FormatSamples.kamervragenPdfWithCombinedQuestions()));

        assertThat(footnoteBlock(byPage.get(0))).containsExactly(
                "1 Financieel Dagblad, «Schadepost van tientallen miljoenen voor ziekenhuizen», 24 september",
                "2014",
                "2 De Telegraaf, «Waanzinrekeningen blijven komen, ondanks invoering «vereenvoudigde zieken-",
                "huisnota»», 27 september 2014",
                "3 Kamerstuk, 28 828, nr. 70",
                "4 Kamerstuk, 28 828, nr. 70");
    }

    @Test
    void footnoteBodiesNeverStandInTheBody() {
        List<List<String>> byPage = pages(PdfTextExtractor.extract(FormatSamples.kamervragenPdfWithSixteenFootnotes()));

        for (List<String> page : byPage) {
            assertThat(body(page)).noneMatch(l -> l.contains("gulhifalhu") || l.startsWith("Kamerstuk 26 485"));
        }
    }

    @Test
    void superscriptMarkersBecomeCaretFootnotesGluedToTheirWord() {
        String text = PdfTextExtractor.extract(FormatSamples.kamervragenPdfWithSixteenFootnotes());

        assertThat(text).contains("destruction» van Both Ends[^1]?",
                "ondernemen (mvo).[^2] Sinds",
                "dat gepubliceerd is op de projectwebsite.[^6] Onderdeel",
                "uit 2018?[^10] Bent u");
        assertThat(PdfTextExtractor.extract(FormatSamples.kamervragenPdfWithCombinedQuestions()))
                .contains("ziekenhuisnota»»?[^1][^2]", "afspreekt?[^3] Heeft");
    }

    @Test
    void gluedDigitStyleKeepsMarkersAsPdftotextPrintsThem() {
        PdfTextExtractor glued = PdfTextExtractor.create().withMarkers(PdfTextExtractor.MarkerStyle.GLUED_DIGITS);

        assertThat(glued.extractText(FormatSamples.kamervragenPdfWithSixteenFootnotes()))
                .contains("van Both Ends1?", "(mvo).2 Sinds").doesNotContain("[^");
        assertThat(glued.extractText(FormatSamples.kamervragenPdfWithCombinedQuestions())).contains("ziekenhuisnota»»?1, 2");
    }

    @Test
    void superscriptStyleWritesMarkersAsSuperscriptDigits() {
        PdfTextExtractor superscript = PdfTextExtractor.create().withMarkers(PdfTextExtractor.MarkerStyle.SUPERSCRIPT_DIGITS);

        assertThat(superscript.extractText(FormatSamples.kamervragenPdfWithSixteenFootnotes()))
                .contains("van Both Ends¹?", "uit 2018?¹⁰ Bent u").doesNotContain("[^");
    }

    @Test
    void lineEndHyphensAreKeptForTheTextParser() {
        String text = PdfTextExtractor.extract(FormatSamples.kamervragenPdfWithSixteenFootnotes());

        assertThat(text).contains("beperkt of gecompen-\nseerd.", "internationale mvo-\nstandaarden.");
    }

    @Test
    void marginColumnIsSplitFromTheFooterLine() {
        List<String> first = pages(PdfTextExtractor.extract(FormatSamples.kamervragenPdfWithoutAnswers())).get(0);

        assertThat(first).contains("ah-tk-20232024-1999", "’s-Gravenhage 2024", "Tweede Kamer der Staten-Generaal");
        assertThat(first.get(first.size() - 1)).isEqualTo("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel");
    }

    @Test
    void runningHeadersAndPageNumbersAreDroppedButTheOfficialFooterStays() throws IOException {
        byte[] pdf = generatedReport(4);

        List<List<String>> byPage = pages(PdfTextExtractor.extract(pdf));

        assertThat(byPage).hasSize(4);
        for (int i = 0; i < 4; i++) {
            List<String> page = byPage.get(i);
            assertThat(page).as("page %d", i + 1)
                    .noneMatch(l -> l.startsWith("Kwartaalrapportage"))
                    .noneMatch(l -> l.matches("- ?\\d+ ?-"))
                    .contains("Vraag " + (i + 1), "Dit is de tekst van vraag " + (i + 1) + ".");
            assertThat(page.get(page.size() - 1)).isEqualTo("Tweede Kamer, vergaderjaar 2023–2024, 36 200 VII, nr. 147 " + (i + 1));
        }
    }

    @Test
    void truncatedPdfIsRefusedAsTruncated() {
        byte[] whole = FormatSamples.kamervragenPdfWithSixteenFootnotes();
        byte[] truncated = Arrays.copyOf(whole, whole.length * 6 / 10);

        assertThatThrownBy(() -> PdfTextExtractor.extract(truncated))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void corruptPdfIsRefusedAsCorrupt() {
        byte[] garbage = FormatSamples.utf8("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nthis is no pdf\n%%EOF\n");

        assertThatThrownBy(() -> PdfTextExtractor.extract(garbage))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("PDF");
    }

    @Test
    void pdfWithoutTextLayerIsRefused() throws IOException {
        byte[] scan;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.addRect(50, 50, 400, 600);
                content.fill();
            }
            doc.save(out);
            scan = out.toByteArray();
        }

        assertThatThrownBy(() -> PdfTextExtractor.extract(scan))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("no text layer");
    }

    @Test
    void pdfWithMorePagesThanTheLimitIsRefused() throws IOException {
        byte[] pdf = generatedReport(3);

        assertThatThrownBy(() -> PdfTextExtractor.create().withMaxPages(2).extractText(pdf))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("3 pages, more than the limit of 2");
    }

    @Test
    void pdfWithMoreTextThanTheLimitIsRefused() {
        assertThatThrownBy(() -> PdfTextExtractor.create().withMaxChars(1_000)
                .extractText(FormatSamples.kamervragenPdfWithSixteenFootnotes()))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("more than 1000 characters");
    }

    @Test
    void compressedContentBombIsRefusedBeforeItIsParsed() throws IOException {
        byte[] bomb = pdfWithFlateContent(48L * 1024 * 1024);

        assertThat(bomb.length).isLessThan(200_000);
        assertThatThrownBy(() -> PdfTextExtractor.create().withMaxContentBytes(16L * 1024 * 1024).extractText(bomb))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("compression bomb");
    }

    @Test
    void compressedContentBombIsRefusedWithoutInflatingItInMemory() throws IOException {
        long decoded = 96L * 1024 * 1024;
        byte[] bomb = pdfWithFlateContent(decoded);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        assertThatThrownBy(() -> PdfTextExtractor.create().withMaxContentBytes(8L * 1024 * 1024).extractText(bomb))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("compression bomb");

        // decoding the stream into a buffer first (PDFBox's getContents) allocates at least its decoded size
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(decoded / 4);
    }

    @Test
    void compressionBombInAFormXObjectIsRefusedToo() throws IOException {
        byte[] bomb = pdfWithFlateContent(48L * 1024 * 1024, true);

        assertThatThrownBy(() -> PdfTextExtractor.create().withMaxContentBytes(16L * 1024 * 1024).extractText(bomb))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("compression bomb");
    }

    @Test
    void pageContentMarkedAsAnImageIsCountedSinceItIsDecodedAsContentAnyway() throws IOException {
        byte[] bomb = pdfWithFlateContent(48L * 1024 * 1024, false, "/Subtype/Image/Width 1/Height 1", "/FlateDecode");

        assertThatThrownBy(() -> PdfTextExtractor.create().withMaxContentBytes(16L * 1024 * 1024).extractText(bomb))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("compression bomb");
    }

    @Test
    void pageContentWithAnImageCodecInItsFiltersIsCountedUpToTheCodec() throws IOException {
        byte[] bomb = pdfWithFlateContent(48L * 1024 * 1024, false, "", "[/FlateDecode/DCTDecode]");

        assertThatThrownBy(() -> PdfTextExtractor.create().withMaxContentBytes(16L * 1024 * 1024).extractText(bomb))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("compression bomb");
    }

    @Test
    void ordinaryPdfStaysWellInsideTheContentLimit() {
        String text = PdfTextExtractor.create().withMaxContentBytes(512L * 1024)
                .extractText(FormatSamples.kamervragenPdfWithSixteenFootnotes());

        assertThat(text).contains("Aanhangsel");
    }

    // ---- helpers ----

    /** The text's pages, each as its lines (a trailing newline gives no extra line). */
    static List<List<String>> pages(String text) {
        List<List<String>> out = new ArrayList<>();
        for (String page : text.split("\f", -1)) {
            List<String> lines = new ArrayList<>(Arrays.asList(page.split("\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            out.add(lines);
        }
        return out;
    }

    /** The lines above a page's footnotes (or, without footnotes, above its footer). */
    static List<String> body(List<String> page) {
        int footerBlank = page.lastIndexOf("");
        List<String> notes = footnoteBlock(page);
        int end = notes.isEmpty() ? footerBlank : footerBlank - notes.size() - 1;
        return page.subList(0, Math.max(0, end));
    }

    /** The block between the last two blank lines of a page (before its footer) when it starts with a number. */
    static List<String> footnoteBlock(List<String> page) {
        int footerBlank = page.lastIndexOf("");
        if (footerBlank <= 0) {
            return List.of();
        }
        int start = page.subList(0, footerBlank).lastIndexOf("") + 1;
        List<String> block = page.subList(start, footerBlank);
        return !block.isEmpty() && FOOTNOTE_START.matcher(block.get(0)).matches() ? block : List.of();
    }

    /** A report whose pages carry a running header, a "- n -" page number and an official footer. */
    private static byte[] generatedReport(int pages) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 1; p <= pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    text(content, font, 7, 60, 810, "Kwartaalrapportage 2024, deel " + p);
                    for (int line = 0; line < 20; line++) {
                        String body = line == 0 ? "Vraag " + p : line == 1 ? "Dit is de tekst van vraag " + p + "."
                                : "Regel " + line + " van de lopende tekst op deze bladzijde, met wat woorden erbij.";
                        text(content, font, 10, 60, 760 - line * 12, body);
                    }
                    text(content, font, 9, 60, 60, "Tweede Kamer, vergaderjaar 2023–2024, 36 200 VII, nr. 147 " + p);
                    text(content, font, 9, 290, 30, "- " + p + " -");
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float y, String s)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(s);
        content.endText();
    }

    /** A one-page PDF whose content stream inflates to {@code decodedBytes} of spaces. */
    private static byte[] pdfWithFlateContent(long decodedBytes) throws IOException {
        return pdfWithFlateContent(decodedBytes, false);
    }

    private static byte[] pdfWithFlateContent(long decodedBytes, boolean inForm) throws IOException {
        return pdfWithFlateContent(decodedBytes, inForm, "", "/FlateDecode");
    }

    /** Deflated runs of spaces by size: 300 MB take most of a second to make, and several bombs share them. */
    private static final Map<Long, byte[]> DEFLATED_SPACES = new ConcurrentHashMap<>();

    private static byte[] deflatedSpaces(long size) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed, new Deflater(9))) {
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) ' ');
            for (long written = 0; written < size; written += chunk.length) {
                deflate.write(chunk);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    /**
     * One page whose content stream (or, {@code inForm}, a form XObject the page draws) inflates to the size;
     * {@code marks} are further entries of that stream's dictionary, {@code filter} its /Filter value.
     */
    static byte[] pdfWithFlateContent(long decodedBytes, boolean inForm, String marks, String filter)
            throws IOException {
        byte[] data = DEFLATED_SPACES.computeIfAbsent(decodedBytes, PdfTextExtractorTest::deflatedSpaces);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
        List<Integer> offsets = new ArrayList<>();
        p.print("%PDF-1.4\n");
        offsets.add(out.size());
        p.print("1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n");
        offsets.add(out.size());
        p.print("2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n");
        offsets.add(out.size());
        if (inForm) {
            p.print("3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 5 0 R"
                    + "/Resources<</XObject<</Fm1 4 0 R>>>>>>endobj\n");
        } else {
            p.print("3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n");
        }
        offsets.add(out.size());
        String form = inForm ? "/Type/XObject/Subtype/Form/BBox[0 0 595 842]" : "";
        p.print("4 0 obj<<" + form + marks + "/Length " + data.length + "/Filter" + filter + ">>stream\n");
        p.flush();
        out.write(data);
        p.print("\nendstream endobj\n");
        if (inForm) {
            offsets.add(out.size());
            String draw = "/Fm1 Do";
            p.print("5 0 obj<</Length " + draw.length() + ">>stream\n" + draw + "\nendstream endobj\n");
        }
        int xref = out.size();
        int size = offsets.size() + 1;
        p.print("xref\n0 " + size + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            p.printf("%010d 00000 n \n", offset);
        }
        p.print("trailer<</Size " + size + "/Root 1 0 R>>\nstartxref\n" + xref + "\n%%EOF\n");
        p.flush();
        return out.toByteArray();
    }
}
