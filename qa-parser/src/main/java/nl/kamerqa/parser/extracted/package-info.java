/**
 * The hand-off from the extractors ({@code nl.kamerqa.parser.format}) to the text reader
 * ({@code nl.kamerqa.parser.internal.TextParser}): a document's lines, each with its page and its role (body,
 * heading, footnote, header, footer), so a PDF's, a Word file's or an OpenDocument text's own knowledge of its layout
 * is taken as fact; only plain text, whose lines are of {@link nl.kamerqa.parser.extracted.LineRole#UNKNOWN} role,
 * is guessed.
 */
package nl.kamerqa.parser.extracted;
