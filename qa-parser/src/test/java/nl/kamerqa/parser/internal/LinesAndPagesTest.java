package nl.kamerqa.parser.internal;

import nl.kamerqa.parser.UnsupportedDocumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Input hygiene, page-start lines and page numbering. */
class LinesAndPagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"een\ntwee\n", "een\r\ntwee\r\n", "een\rtwee\r", "\uFEFFeen\ntwee"})
    void crlfLfCrAndBomGiveTheSameLines(String text) {
        assertThat(LineSplitter.split(text)).extracting(SourceLine::text).startsWith("een", "twee");
    }

    @Test
    void spacesOfEveryKindFoldToOneAndTheIndentIsKept() {
        SourceLine line = LineSplitter.split(" De\u00A0leden\t\tvragen \u202F dit. ").get(0);
        assertThat(line.text()).isEqualTo("De leden vragen dit.");
        assertThat(line.indent()).isEqualTo(1);
    }

    @Test
    void formFeedStartsANewPageWithoutStartingANewInputLine() {
        List<SourceLine> lines = LineSplitter.split("einde pagina\n\fbegin pagina\nverder");
        assertThat(lines).extracting(SourceLine::text).containsExactly("einde pagina", "begin pagina", "verder");
        assertThat(lines).extracting(SourceLine::formFeedBefore).containsExactly(false, true, false);
        assertThat(lines).extracting(SourceLine::number).containsExactly(1, 2, 3);
    }

    @Test
    void softHyphenAtTheLineEndMarksABreakAndVanishesInside() {
        assertThat(LineSplitter.split("ver\u00ADder scheids\u00AD").get(0).text()).isEqualTo("verder scheids\u00AD");
    }

    @Test
    void rareSpreadOutIndentedLinesArePageStarts() {
        List<SourceLine> lines = LineSplitter.split(page(" begin", 60) + page(" tweede", 60) + page(" derde", 60));
        assertThat(PageStartLines.find(lines)).containsExactly(0, 60, 120);
    }

    @Test
    void manyIndentedLinesAsInLayoutOutputAreNoPageStarts() {
        String layout = IntStream.range(0, 200).mapToObj(i -> (i % 3 == 0 ? " " : "   ") + "regel " + i)
                .collect(Collectors.joining("\n"));
        assertThat(PageStartLines.find(LineSplitter.split(layout))).isEmpty();
    }

    @Test
    void pagesAreCountedBackFromTheFirstFooterAndOnFromIt() {
        String text = page(" begin", 30) + page(" tweede", 30)
                + "Tweede Kamer, vergaderjaar 2022–2023, 36 200 VII, nr. 147 5\n\n" + page("na de voet", 30)
                + page(" volgende", 30);
        List<SourceLine> lines = LineSplitter.split(text);
        PageFooter[] footers = footers(lines);
        PageMap pages = PageMap.build(lines, footers, new HashSet<>(PageStartLines.find(lines)));
        assertThat(pages.page(0)).isEqualTo(4);
        assertThat(pages.page(30)).isEqualTo(5);
        assertThat(pages.page(62)).isEqualTo(6);
        assertThat(pages.page(92)).isEqualTo(7);
    }

    @Test
    void withoutAnyPrintedNumberPagesStayUnknown() {
        List<SourceLine> lines = LineSplitter.split("een\n\ftwee\n\fdrie");
        PageMap pages = PageMap.build(lines, new PageFooter[lines.size()], new HashSet<>());
        assertThat(pages.breaksKnown()).isTrue();
        assertThat(pages.page(2)).isNull();
    }

    @Test
    void pdfOfficeAndBinaryInputAreRefusedWithAReason() {
        assertThatThrownBy(() -> InputDecoder.decode("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(UnsupportedDocumentException.class).hasMessageContaining("PDF");
        assertThatThrownBy(() -> InputDecoder.decode(new byte[]{0x50, 0x4B, 0x03, 0x04, 0, 0}))
                .isInstanceOf(UnsupportedDocumentException.class).hasMessageContaining("docx");
        assertThatThrownBy(() -> InputDecoder.decode(new byte[]{'a', (byte) 0xC3, (byte) 0x28, 'b'}))
                .isInstanceOf(UnsupportedDocumentException.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> InputDecoder.decode(new byte[]{'a', 0, 'b', 0}))
                .isInstanceOf(UnsupportedDocumentException.class).hasMessageContaining("binary");
    }

    @Test
    void emptyInputIsText() {
        assertThat(InputDecoder.decode(new byte[0])).isEmpty();
    }

    private static String page(String first, int lines) {
        return first + "\n" + IntStream.range(1, lines).mapToObj(i -> "tekst " + i).collect(Collectors.joining("\n"))
                + "\n";
    }

    private static PageFooter[] footers(List<SourceLine> lines) {
        PageFooter[] footers = new PageFooter[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            footers[i] = PageFooter.recognise(lines.get(i).text()).orElse(null);
        }
        return footers;
    }
}
