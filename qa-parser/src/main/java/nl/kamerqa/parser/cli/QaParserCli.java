package nl.kamerqa.parser.cli;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.parser.QaParser;
import nl.kamerqa.parser.UnsupportedDocumentException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar qa-parser.jar FILE} (or {@code -} for standard input): prints the {@link ParsedDocument} as
 * pretty UTF-8 JSON on standard output. FILE may be a PDF, a Word (.docx or 97-2003 .doc) file, an OpenDocument text, an officielebekendmakingen HTML page,
 * official publication XML or text; the format is told from the bytes, not from the file name.
 * <p>
 * Exit 0 when the input was parsed (with zero questions too: then a warning on standard error), 2 with a
 * one-line message on standard error when the file cannot be read or is not a document the parser reads (an
 * unknown format, a corrupt or encrypted PDF, a zip that is no Word file, ...).
 */
public final class QaParserCli {

    static final int OK = 0;
    static final int FAILED = 2;
    private static final String USAGE = "usage: java -jar qa-parser.jar FILE   (PDF, .docx, .doc, .odt, HTML, XML or text;"
            + " FILE may be - for standard input)";

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    QaParserCli(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        quietLibraryLogging();
        System.exit(new QaParserCli(System.in, System.out, System.err).run(args));
    }

    /**
     * PDFBox and POI log through Log4j's API, which without a provider prints an error on standard error at the first
     * PDF or Word file; standard error is for this tool's own one-line messages, so their logging is switched off.
     */
    private static void quietLibraryLogging() {
        if (System.getProperty("log4j2.loggerContextFactory") == null && System.getProperty("log4j.provider") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
        if (System.getProperty("log4j2.simplelogLevel") == null) {
            System.setProperty("log4j2.simplelogLevel", "OFF");
        }
    }

    int run(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(USAGE);
            return OK;
        }
        if (args.length == 1 && args[0].equals("--version")) {
            out.println("qa-parser " + QaParser.VERSION);
            return OK;
        }
        if (args.length != 1) {
            err.println(USAGE);
            return FAILED;
        }
        String name = args[0];
        byte[] content;
        try {
            content = name.equals("-") ? in.readAllBytes() : Files.readAllBytes(Path.of(name));
        } catch (IOException | RuntimeException e) {
            err.println("qa-parser: cannot read " + name + ": " + oneLine(e));
            return FAILED;
        }
        ParsedDocument document;
        try {
            document = QaParser.create().parse(content);
        } catch (UnsupportedDocumentException e) {
            err.println("qa-parser: unsupported input " + name + ": " + oneLine(e));
            return FAILED;
        }
        byte[] json = mapper.writeValueAsBytes(document);
        out.write(json, 0, json.length);
        out.write('\n');
        out.flush();
        if (document.questions().isEmpty()) {
            err.println("qa-parser: warning: no questions found in " + name);
        }
        return OK;
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            message = "no such file";
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            message = "permission denied";
        }
        return message.replaceAll("\\s+", " ").strip();
    }
}
