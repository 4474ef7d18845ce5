package nl.kamerqa.parsing;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.contracts.OfficialMetadata;
import nl.kamerqa.parser.QaParser;
import nl.kamerqa.parser.UnsupportedDocumentException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Hands a raw document to qa-parser through the entry point its content type calls for, with the official register's
 * metadata the feed carried (qa-parser prefers it over the text for ids and registered dates).
 */
public class RawDocumentParser {

    private final QaParser parser;

    public RawDocumentParser(QaParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /**
     * @throws UnsupportedDocumentException the bytes are not a document the parser can read (not retryable)
     * @throws ParserFailedException        the parser failed in another way (a parser bug, or the document needed
     *                                      more memory or stack than there is; not retryable either)
     */
    public ParsedDocument parse(RawDocument raw) {
        ParsedDocument parsed;
        try {
            parsed = isPlainText(raw.contentType())
                    ? parseText(decodeUtf8(raw.content()), raw.official())
                    : parse(raw.content(), raw.official());
        } catch (UnsupportedDocumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ParserFailedException("qa-parser " + QaParser.VERSION + " failed: " + e, e);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // Only this document's parse holds the memory or stack, and it is released when the parse unwinds.
            // Escaping the listener, an Error would stop the Kafka container for good (spring-kafka does that
            // for every Error); as a failure the document is dead-lettered and the consumer goes on.
            throw new ParserFailedException("qa-parser " + QaParser.VERSION + " ran out of "
                    + (e instanceof OutOfMemoryError ? "memory" : "stack") + " on this document (" + e
                    + "); re-drive it after giving the parser more", e);
        }
        if (parsed == null) {
            throw new ParserFailedException("qa-parser " + QaParser.VERSION + " returned no result", null);
        }
        return parsed;
    }

    /** text/plain, with or without parameters such as {@code ; charset=utf-8}. */
    static boolean isPlainText(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return mediaType.strip().toLowerCase(Locale.ROOT).equals("text/plain");
    }

    /** Strict: a lenient decoder would silently turn binary input into U+FFFD and "parse" it. */
    static String decodeUtf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnsupportedDocumentException("content declared text/plain is not valid UTF-8: " + e.getMessage(), e);
        }
    }

    // without register metadata the parser's plain entry points, as before the field existed
    private ParsedDocument parseText(String text, OfficialMetadata official) {
        return official == null ? parser.parseText(text) : parser.parseText(text, official);
    }

    private ParsedDocument parse(byte[] content, OfficialMetadata official) {
        return official == null ? parser.parse(content) : parser.parse(content, official);
    }
}
