package nl.kamerqa.parsing;

import nl.kamerqa.contracts.OfficialMetadata;
import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.parser.QaParser;
import nl.kamerqa.parser.UnsupportedDocumentException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Which qa-parser entry point a raw document goes to; the parser itself is replaced by a mock of its API. */
class RawDocumentParserTest {

    private final QaParser qaParser = mock(QaParser.class);
    private final RawDocumentParser parser = new RawDocumentParser(qaParser);
    private final ParsedDocument result = Samples.parsed("kst-1", 2);

    @Test
    void plainTextIsDecodedAsUtf8AndGoesToParseText() {
        when(qaParser.parseText(anyString())).thenReturn(result);
        byte[] text = "Vraag 1 – één “citaat”".getBytes(StandardCharsets.UTF_8);

        ParsedDocument parsed = parser.parse(Samples.raw("kst-1", "text/plain; charset=UTF-8", text));

        assertThat(parsed).isSameAs(result);
        verify(qaParser).parseText("Vraag 1 – één “citaat”");
        verify(qaParser, never()).parse(any());
    }

    @Test
    void otherOrUnknownContentTypesGoToParseWithTheBytes() {
        byte[] pdf = "%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII);
        when(qaParser.parse(pdf)).thenReturn(result);

        assertThat(parser.parse(Samples.raw("kst-1", "application/pdf", pdf))).isSameAs(result);
        assertThat(parser.parse(Samples.raw("kst-1", null, pdf))).isSameAs(result);
        verify(qaParser, never()).parseText(anyString());
    }

    @Test
    void registerMetadataOnTheRawDocumentIsHandedToTheParser() {
        byte[] pdf = "%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII);
        OfficialMetadata official = new OfficialMetadata("ah-tk-20202021-3235", null, "Antwoord", null, null, null,
                null, "3235", null, List.of("H. Kat"), List.of(), null, "2021-06-21", null);
        RawDocument raw = Samples.raw("ah-tk-20202021-3235", "application/pdf", pdf);
        RawDocument withRegister = new RawDocument(raw.schemaVersion(), raw.documentId(), raw.contentSha256(),
                raw.contentType(), raw.source(), raw.sourceUrl(), raw.title(), raw.receivedAt(), raw.metadata(),
                raw.content(), official);
        when(qaParser.parse(pdf, official)).thenReturn(result);

        assertThat(parser.parse(withRegister)).isSameAs(result);
        verify(qaParser, never()).parse(pdf);
    }

    @Test
    void plainTextThatIsNotValidUtf8IsUnsupportedAndNeverReachesTheParser() {
        byte[] latin1 = "één".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> parser.parse(Samples.raw("kst-1", "text/plain", latin1)))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("not valid UTF-8");
        verify(qaParser, never()).parseText(anyString());
    }

    @Test
    void documentThatExhaustsTheHeapBecomesAParserFailureInsteadOfAnError() {
        byte[] pdf = "%PDF-1.7 bomb".getBytes(StandardCharsets.US_ASCII);
        when(qaParser.parse(pdf)).thenThrow(new OutOfMemoryError("Java heap space"));

        assertThatThrownBy(() -> parser.parse(Samples.raw("kst-1", "application/pdf", pdf)))
                .isInstanceOf(ParserFailedException.class)
                .hasMessageContaining("ran out of memory on this document")
                .hasMessageContaining("Java heap space")
                .hasCauseInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void documentThatOverflowsTheStackBecomesAParserFailureInsteadOfAnError() {
        when(qaParser.parseText(anyString())).thenThrow(new StackOverflowError());

        assertThatThrownBy(() -> parser.parse(Samples.plainText("kst-1", "((((")))
                .isInstanceOf(ParserFailedException.class)
                .hasMessageContaining("ran out of stack");
    }

    @Test
    void unsupportedDocumentFromTheParserIsPassedOnUnchanged() {
        UnsupportedDocumentException unsupported = new UnsupportedDocumentException("encrypted PDF");
        when(qaParser.parse(any())).thenThrow(unsupported);

        assertThatThrownBy(() -> parser.parse(Samples.raw("kst-1", "application/pdf", new byte[]{1})))
                .isSameAs(unsupported);
    }

    @Test
    void anyOtherParserErrorBecomesAParserFailure() {
        when(qaParser.parse(any())).thenThrow(new IllegalStateException("bug"));

        assertThatThrownBy(() -> parser.parse(Samples.raw("kst-1", "application/pdf", new byte[]{1})))
                .isInstanceOf(ParserFailedException.class)
                .hasMessageContaining("bug")
                .hasCauseInstanceOf(IllegalStateException.class);
    }
}
