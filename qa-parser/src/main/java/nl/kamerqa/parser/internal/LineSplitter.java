package nl.kamerqa.parser.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Input hygiene: splits text into {@link SourceLine}s so that CRLF or LF, a BOM, no-break spaces, tabs and
 * stray control characters all give the same lines.
 */
final class LineSplitter {

    private LineSplitter() {
    }

    // convention: a form feed starts a new page; pdftotext puts it at the start of the next page's first line
    static final char FORM_FEED = '\f';

    static List<SourceLine> split(String text) {
        List<SourceLine> lines = new ArrayList<>();
        LineBuilder current = new LineBuilder();
        int number = 1;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!current.hasText() && !current.formFeed && current.indent == 0) {
                // fast path: most lines need no cleaning at all
                int end = plainLineEnd(text, i);
                if (end >= 0) {
                    lines.add(plain(text, i, end, number++));
                    char c = text.charAt(end);
                    i = end + ((c == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') ? 2 : 1);
                    continue;
                }
            }
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                lines.add(current.build(number++));
                i += (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') ? 2 : 1;
                continue;
            }
            if (c == FORM_FEED) {
                if (current.hasText()) {
                    // text before the form feed on the same line ends the old page
                    lines.add(current.build(number));
                }
                current.formFeed = true;
            } else if (c > ' ' && c < 0x7F) {
                current.append(c);
            } else {
                char cleaned = clean(c);
                if (cleaned == ' ') {
                    current.space();
                } else if (cleaned != DROP) {
                    current.append(cleaned);
                }
            }
            i++;
        }
        if (current.hasText() || current.formFeed || current.indent > 0) {
            lines.add(current.build(number));
        }
        return lines;
    }

    /**
     * Where the line starting at {@code start} ends (its CR or LF), when it holds only printable characters and
     * single inner spaces; -1 when it needs cleaning or is the last line.
     */
    private static int plainLineEnd(String text, int start) {
        boolean space = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
            if (c == ' ') {
                if (space) {
                    return -1;
                }
                space = true;
            } else if ((c > ' ' && c < 0x7F) || (c >= 0xC0 && c != 0xFEFF && c != 0x00AD && !Character.isSpaceChar(c)
                    && (c < 0x2000 || c > 0x206F))) {
                space = false;
            } else if (c >= 0x2010 && c <= 0x2027 || c >= 0xA1 && c < 0xC0 && c != 0xAD) {
                space = false; // dashes, quotes, bullets, «»: printable
            } else {
                return -1;
            }
        }
        return -1;
    }

    private static SourceLine plain(String text, int start, int end, int number) {
        int indent = 0;
        while (start + indent < end && text.charAt(start + indent) == ' ') {
            indent++;
        }
        int stop = end;
        while (stop > start + indent && text.charAt(stop - 1) == ' ') {
            stop--;
        }
        String line = text.substring(start + indent, stop);
        return new SourceLine(number, line, line.isEmpty() ? 0 : indent, false);
    }

    /** Builds one line as its characters come: leading spaces counted, inner runs of spaces folded. */
    private static final class LineBuilder {
        private final StringBuilder text = new StringBuilder(128);
        private int indent;
        private boolean pendingSpace;
        private boolean formFeed;

        void append(char c) {
            if (pendingSpace && text.length() > 0) {
                text.append(' ');
            }
            pendingSpace = false;
            text.append(c);
        }

        void space() {
            if (text.length() == 0) {
                indent++;
            } else {
                pendingSpace = true;
            }
        }

        boolean hasText() {
            return text.length() > 0;
        }

        SourceLine build(int number) {
            String line = text.toString();
            if (line.indexOf('\u00AD') >= 0) {
                // a soft hyphen at the end of a line is a line-end break; inside a line it is invisible
                boolean softBreak = line.endsWith("\u00AD");
                line = line.replace("\u00AD", "") + (softBreak ? "\u00AD" : "");
            }
            SourceLine built = new SourceLine(number, line, line.isEmpty() ? 0 : indent, formFeed);
            text.setLength(0);
            indent = 0;
            pendingSpace = false;
            formFeed = false;
            return built;
        }
    }

    private static final char DROP = 0;

    /** Every kind of space becomes a plain space; invisible characters go; other controls become spaces. */
    private static char clean(char c) {
        switch (c) {
            case '\uFEFF', '\u200B', '\u200C', '\u200D', '\u2060':
                return DROP; // BOM and zero-width characters
            case '\u00AD':
                return c; // soft hyphen: kept until the line is built, it marks a line-end break
            case '\t', '\u000B', '\u00A0', '\u2007', '\u202F':
                return ' ';
            default:
                return Character.isSpaceChar(c) || Character.isISOControl(c) ? ' ' : c;
        }
    }

}
