package nl.kamerqa.parser.format;

import nl.kamerqa.parser.UnsupportedDocumentException;
import nl.kamerqa.parser.extracted.ExtractedText;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.OldWordFileFormatException;
import org.apache.poi.hwpf.usermodel.CharacterRun;
import org.apache.poi.hwpf.usermodel.HWPFList;
import org.apache.poi.hwpf.usermodel.Notes;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Text of a Word 97-2003 (.doc) document in the shape {@link DocxTextExtractor} gives a .docx ({@link WordPlainText}),
 * so the text parser reads both alike: paragraphs (table cells' paragraphs too), list items with the number Word
 * prints where the list tables give it, footnote and endnote references as "[N]" and the notes as "[N] text" after
 * the body. Field codes, deleted text, drawings, comments and headers/footers are left out (they live in other
 * stories or between field marks). HWPF holds the whole file in memory: the caller's input size cap bounds it, and
 * {@link DocGuard} refuses what claims more than the file holds before HWPF reads it. Refuses, with
 * {@link UnsupportedDocumentException} only, an OLE2 file that is no Word document, an encrypted or Word 6/95 one and
 * anything HWPF cannot read.
 */
public final class DocTextExtractor {

    // convention ([MS-DOC] 2.8.25): special characters in a story's text
    private static final char FIELD_BEGIN = 0x13;
    private static final char FIELD_SEPARATOR = 0x14;
    private static final char FIELD_END = 0x15;
    private static final char NOTE_REFERENCE = 0x02;
    private static final int MAX_FIELD_DEPTH = 64;

    private DocTextExtractor() {
    }

    /** The plain text of {@code doc}; see the class comment. */
    public static String extract(byte[] doc) {
        return extractLines(doc).text();
    }

    /** The typed lines of {@code doc}: body paragraphs and notes (no pages: Word 97 stores none). */
    public static ExtractedText extractLines(byte[] doc) {
        Objects.requireNonNull(doc, "doc");
        if (!OleFiles.isOle(doc)) {
            throw new UnsupportedDocumentException("Word 97-2003 document could not be read: no OLE2 signature");
        }
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(doc))) {
            DirectoryNode root = fs.getRoot();
            DocGuard.check(root, doc.length);
            return new Walk(new HWPFDocument(root)).lines();
        } catch (UnsupportedDocumentException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw DocGuard.encrypted();
        } catch (OldWordFileFormatException e) {
            throw new UnsupportedDocumentException("a Word 6.0/95 document is not supported; save it as .docx or PDF",
                    e);
        } catch (IOException e) {
            throw new UnsupportedDocumentException("Word 97-2003 document could not be read: " + e.getMessage(), e);
        } catch (RuntimeException | StackOverflowError e) {
            // HWPF and POIFS report broken sectors, tables and text pieces as runtime exceptions of many kinds
            throw new UnsupportedDocumentException("Word 97-2003 document could not be read: " + e, e);
        }
    }

    /** One pass over a document: the main story, then the notes in order of first reference. */
    private static final class Walk {
        private final HWPFDocument document;
        private final WordPlainText out = new WordPlainText();
        private final Map<Integer, ListMarkers.Counters> listCounters = new HashMap<>();

        Walk(HWPFDocument document) {
            this.document = document;
        }

        ExtractedText lines() {
            List<String> body = paragraphs(document.getRange(), true);
            // note keys are "f:index" and "e:index"; headings are not told (HWPF's style sheet is not read)
            return out.lines(body, Set.of(), key -> {
                boolean footnote = key.startsWith("f:");
                Notes notes = footnote ? document.getFootnotes() : document.getEndnotes();
                Range story = footnote ? document.getFootnoteRange() : document.getEndnoteRange();
                int index = Integer.parseInt(key.substring(2));
                int start = story.getStartOffset();
                return paragraphs(new Range(start + notes.getNoteTextStartOffset(index),
                        start + notes.getNoteTextEndOffset(index), document), false);
            });
        }

        /** The printed paragraphs of a story; note references count only in the main one. */
        private List<String> paragraphs(Range story, boolean main) {
            List<String> into = new ArrayList<>();
            Fields fields = new Fields();
            for (int i = 0; i < story.numParagraphs(); i++) {
                Paragraph paragraph = story.getParagraph(i);
                StringBuilder sb = new StringBuilder();
                for (int r = 0; r < paragraph.numCharacterRuns(); r++) {
                    run(paragraph.getCharacterRun(r), main, fields, sb);
                }
                String text = out.paragraph(sb, () -> listMarker(paragraph));
                if (text != null) {
                    into.add(text);
                }
            }
            return into;
        }

        private void run(CharacterRun run, boolean main, Fields fields, StringBuilder sb) {
            if (run.isMarkedDeleted()) {
                return;
            }
            String text = run.text();
            boolean special = run.isSpecialCharacter();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case FIELD_BEGIN -> fields.begin();
                    case FIELD_SEPARATOR -> fields.separate();
                    case FIELD_END -> fields.end();
                    default -> {
                        if (fields.showing()) {
                            character(c, special, main ? run.getStartOffset() + i : -1, sb);
                        }
                    }
                }
            }
        }

        /** One character of shown text; {@code position} is its place in the main story, -1 elsewhere. */
        private void character(char c, boolean special, int position, StringBuilder sb) {
            if (special) {
                // a note reference prints "[N]"; pictures, drawings, comment marks and symbols print nothing
                if (c == NOTE_REFERENCE && position >= 0) {
                    sb.append(noteReference(position));
                }
                return;
            }
            switch (c) {
                case '\u000B' -> sb.append('\n'); // a manual line break
                case '\t' -> sb.append(' ');
                case '\u001E' -> sb.append('-'); // a non-breaking hyphen
                default -> {
                    // paragraph, cell and page marks, optional hyphens and other controls print nothing
                    if (c >= 0x20) {
                        sb.append(c);
                    }
                }
            }
        }

        private String noteReference(int position) {
            int footnote = document.getFootnotes().getNoteIndexByAnchorPosition(position);
            if (footnote >= 0) {
                return out.noteReference("f:" + footnote);
            }
            int endnote = document.getEndnotes().getNoteIndexByAnchorPosition(position);
            return endnote >= 0 ? out.noteReference("e:" + endnote) : "";
        }

        /** "1)", "a.", "-" for a numbered or bulleted paragraph, counting per list; null when not in a list. */
        private String listMarker(Paragraph paragraph) {
            try {
                if (!paragraph.isInList()) {
                    return null;
                }
                HWPFList list = paragraph.getList();
                int levels = Math.min(list.getListData().numLevels(), ListMarkers.LEVELS);
                int level = paragraph.getIlvl();
                if (level < 0 || level >= levels) {
                    return null;
                }
                ListMarkers.Counters counters = listCounters.computeIfAbsent(paragraph.getIlfo(),
                        k -> new ListMarkers.Counters(l -> l < levels ? list.getStartAt((char) l) : 1));
                counters.count(level);
                String format = numberFormat(list.getNumberFormat((char) level));
                String levelText = list.getNumberText((char) level);
                if ("bullet".equals(format)) {
                    return "-";
                }
                if ("none".equals(format) || levelText == null || levelText.isEmpty()) {
                    return null;
                }
                return ListMarkers.marker(wordLevelText(levelText), counters,
                        l -> l < levels ? numberFormat(list.getNumberFormat((char) l)) : "decimal");
            } catch (RuntimeException e) {
                return null; // a list table HWPF cannot read loses its numbers, not the text
            }
        }

        /** The .docx name of a .doc number format code ([MS-DOC] 2.9.158 MSONFC); others print as digits. */
        private static String numberFormat(int nfc) {
            return switch (nfc) {
                case 1 -> "upperRoman";
                case 2 -> "lowerRoman";
                case 3 -> "upperLetter";
                case 4 -> "lowerLetter";
                case 23 -> "bullet";
                case 255 -> "none";
                default -> "decimal";
            };
        }

        /** A .doc level text names level N by the character N-1; the .docx form writes "%N". */
        private static String wordLevelText(String levelText) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < levelText.length(); i++) {
                char c = levelText.charAt(i);
                if (c < ListMarkers.LEVELS) {
                    sb.append('%').append((char) ('1' + c));
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }
    }

    /**
     * Where a story is between field marks: a field's code (begin to separator) is never text, its result (separator
     * to end) is; fields nest.
     */
    private static final class Fields {
        // per open field, innermost last: true while in its code
        private final boolean[] inCode = new boolean[MAX_FIELD_DEPTH];
        private int depth;
        private int codes;

        void begin() {
            if (depth == MAX_FIELD_DEPTH) {
                throw new UnsupportedDocumentException("Word 97-2003 document nests fields too deeply");
            }
            inCode[depth++] = true;
            codes++;
        }

        void separate() {
            if (depth > 0 && inCode[depth - 1]) {
                inCode[depth - 1] = false;
                codes--;
            }
        }

        void end() {
            if (depth > 0 && inCode[--depth]) {
                codes--;
            }
        }

        boolean showing() {
            return codes == 0;
        }
    }
}
