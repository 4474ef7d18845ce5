/**
 * The format layer: what a document is and how it reaches the parser.
 * <ul>
 *   <li>{@link nl.kamerqa.parser.FormatSniffer#sniff(byte[])} tells the {@link
 *       nl.kamerqa.parser.DocumentFormat} from the bytes, never from a declared content type.</li>
 *   <li>Layout formats become typed lines ({@link nl.kamerqa.parser.extracted.ExtractedText}: text, page, role)
 *       for the text parser, so what they know of pages, footnotes, headers and footers is not guessed back:
 *       {@link nl.kamerqa.parser.format.PdfTextExtractor#extractLines(byte[])} (lines in reading order with their PDF
 *       page, footnotes at the page bottom, the official footer), {@link
 *       nl.kamerqa.parser.format.DocxTextExtractor#extractLines(byte[])} (paragraphs, headings, Word's notes), {@link
 *       nl.kamerqa.parser.format.DocTextExtractor#extractLines(byte[])} (the same for Word 97-2003 .doc) and
 *       {@link nl.kamerqa.parser.format.OdtTextExtractor#extract(byte[])} (the same for OpenDocument text; {@link
 *       nl.kamerqa.parser.format.OdtDocumentReader} adds meta.xml's identifier, Kamer and vergaderjaar with the HTML
 *       reader's rules). Each also gives its lines as plain text ({@code extract}), in the shape pdftotext and
 *       pandoc give.</li>
 *   <li>Structured formats map straight to a {@link nl.kamerqa.contracts.ParsedDocument}:
 *       {@link nl.kamerqa.parser.format.XmlDocumentReader#read(byte[])} (official publication XML) and
 *       {@link nl.kamerqa.parser.format.HtmlDocumentReader#read(byte[])} (zoek.officielebekendmakingen.nl pages).</li>
 * </ul>
 * Every entry point is stateless and thread-safe, fails fast on {@code null}, and refuses unreadable, unsafe or
 * oversized input with {@link nl.kamerqa.parser.UnsupportedDocumentException} naming the problem.
 * {@link nl.kamerqa.parser.QaParser#parse(byte[])} puts them together: sniff, then extract and read as text or read
 * by structure; the structured readers fill the same Kamervragen record as the text reader, with the same
 * recognisers ({@link nl.kamerqa.parser.internal.KamervragenMetadata}).
 */
package nl.kamerqa.parser.format;
