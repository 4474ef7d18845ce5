package nl.kamerqa.localstack.faults;

import nl.kamerqa.localstack.faults.Input.Expected;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Forty-eight bad things to upload (plus two poison records written straight to the raw topic by the test): what
 * a careless client, a broken feed or an attacker might send. Seeded, so every run sends the same bytes.
 */
final class BadInputs {

    private static final String OCTETS = "application/octet-stream";
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String[] WORDS = {"de", "het", "een", "kabinet", "minister", "gemeente", "regeling", "beleid",
            "onderzoek", "Kamer", "wet", "zorg", "woning", "subsidie", "evaluatie", "brief", "motie", "budget", "jaar",
            "provincie", "uitvoering", "burger", "overheid", "ministerie", "plan", "aanpak", "cijfers", "afspraak"};

    private BadInputs() {
    }

    static List<Input> all() {
        Random random = new Random(20260606L);
        List<Input> inputs = new ArrayList<>();
        byte[] report = ReportDocuments.report(9000).input().content();
        String reportText = new String(report, StandardCharsets.UTF_8);

        // empty, in every way a body can be empty
        inputs.add(Input.body("empty-text", new byte[0], TEXT, Expected.REJECTED_400));
        inputs.add(Input.body("empty-octet-stream", new byte[0], OCTETS, Expected.REJECTED_400));
        inputs.add(Input.body("empty-multipart-file", new byte[0], TEXT, Expected.REJECTED_400).asMultipart());
        inputs.add(new Input("multipart-without-file-part", null, null, Map.of(), true, Expected.REJECTED_400));

        // binary noise
        int[] noiseSizes = {1024, 100 * 1024, 5 * 1024 * 1024};
        for (int size : noiseSizes) {
            inputs.add(Input.body("binary-noise-" + size, noise(random, size), OCTETS, Expected.REJECTED_415));
        }

        // truncated and corrupt PDFs
        byte[] pdf = textPdf(reportText);
        for (int percent : new int[]{30, 60, 90}) {
            inputs.add(Input.body("truncated-pdf-" + percent + "pct", Arrays.copyOf(pdf, pdf.length * percent / 100),
                    "application/pdf", Expected.DEAD_LETTERED_OR_STORED_EMPTY));
        }
        inputs.add(Input.body("pdf-header-then-garbage", ascii("%PDF-1.7\n" + randomWords(random, 2000) + "\n%%EOF\n"),
                "application/pdf", Expected.DEAD_LETTERED_OR_STORED_EMPTY));

        // invalid UTF-8
        inputs.add(Input.body("latin1-text", reportText.replace("Vragen", "Vrägen").replace("vragen", "vrägen")
                .getBytes(StandardCharsets.ISO_8859_1), TEXT, Expected.REJECTED_415));
        inputs.add(Input.body("utf8-lone-continuation-bytes", splice(report, report.length / 2,
                new byte[]{(byte) 0x80, (byte) 0xBF, (byte) 0x80}), TEXT, Expected.REJECTED_415));
        inputs.add(Input.body("utf8-overlong-slash", splice(report, report.length / 3,
                new byte[]{(byte) 0xC0, (byte) 0xAF}), TEXT, Expected.REJECTED_415));
        inputs.add(Input.body("utf8-truncated-sequence-at-end", splice(report, report.length,
                new byte[]{(byte) 0xE2, (byte) 0x80}), TEXT, Expected.REJECTED_415));
        inputs.add(Input.body("utf16-text", utf16WithBom(reportText), TEXT, Expected.REJECTED_415));
        inputs.add(Input.body("text-with-nul-bytes", splice(report, 100, new byte[]{0, 0, 0, 0}), TEXT,
                Expected.REJECTED_415));

        // other binary formats, and a type that is no document
        inputs.add(Input.body("png-image", concat(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                noise(random, 4096)), OCTETS, Expected.REJECTED_415));
        inputs.add(Input.body("gzip-of-a-report", gzip(report), OCTETS, Expected.REJECTED_415));
        inputs.add(Input.body("zip-not-docx", zip("notes.txt", report), OCTETS, Expected.REJECTED_415));
        // an OLE2 signature and noise: no WordDocument stream, so no Word 97-2003 file (those are read since issue 14)
        inputs.add(Input.body("ole2-not-word", concat(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
                (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, noise(random, 2048)), OCTETS, Expected.REJECTED_415));
        inputs.add(Input.body("report-declared-image-png", report, "image/png", Expected.REJECTED_415));

        // over the size limit (ingest started with kamerqa.ingest.max-document-size=20MB)
        byte[] thirtyMb = largeText(random, 30 * 1024 * 1024);
        inputs.add(Input.body("text-30MB", thirtyMb, TEXT, Expected.REJECTED_413));
        inputs.add(Input.body("text-30MB-multipart", thirtyMb, TEXT, Expected.REJECTED_413).asMultipart());

        // malformed metadata
        inputs.add(Input.body("source-url-javascript", report, TEXT, Expected.REJECTED_400)
                .withParams(Map.of("sourceUrl", "javascript:alert(1)")));
        inputs.add(Input.body("title-3000-chars", report, TEXT, Expected.REJECTED_400)
                .withParams(Map.of("title", "t".repeat(3000))));

        // well-formed markup without questions
        inputs.add(Input.body("html-no-questions", utf8("""
                <!DOCTYPE html><html lang="nl"><head><title>Nieuwsbericht</title></head>
                <body><h1>Kabinet presenteert plannen</h1><p>Het kabinet heeft vandaag plannen gepresenteerd.</p>
                </body></html>"""), "text/html", Expected.DEAD_LETTERED_OR_STORED_EMPTY));
        inputs.add(Input.body("html-script-and-style", utf8("<html><head><style>p{color:red}</style><script>"
                + "for(;;){alert('x')}</script></head><body>" + "<p>tekst</p>".repeat(2000) + "</body></html>"),
                "text/html", Expected.DEAD_LETTERED_OR_STORED_EMPTY));
        inputs.add(Input.body("html-table-only", utf8("<html><body><table>" + "<tr><td>1.</td><td>cel</td></tr>".repeat(5000)
                + "</table></body></html>"), "text/html", Expected.DEAD_LETTERED_OR_STORED_EMPTY));
        inputs.add(Input.body("xml-nested-10000-deep", utf8("<?xml version=\"1.0\"?>" + "<a>".repeat(10_000) + "x"
                + "</a>".repeat(10_000)), "application/xml", Expected.DEAD_LETTERED_OR_STORED_EMPTY));
        inputs.add(Input.body("xml-nested-200000-deep", utf8("<?xml version=\"1.0\"?>" + "<a>".repeat(200_000) + "x"
                + "</a>".repeat(200_000)), "application/xml", Expected.DEAD_LETTERED_OR_STORED_EMPTY));
        inputs.add(Input.body("xml-billion-laughs", utf8(billionLaughs()), "application/xml",
                Expected.DEAD_LETTERED_OR_STORED_EMPTY));
        inputs.add(Input.body("xml-external-entity", utf8("""
                <?xml version="1.0"?>
                <!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <r><p>1. &xxe;</p><p>Antwoord</p><p>&xxe;</p></r>"""), "application/xml",
                Expected.DEAD_LETTERED_OR_STORED_EMPTY));

        // PDFs that are valid but hostile or empty
        inputs.add(Input.body("pdf-flate-bomb-300MB", flateBombPdf(300L * 1024 * 1024), "application/pdf",
                Expected.DEAD_LETTERED_OR_STORED_EMPTY));
        inputs.add(Input.body("pdf-flate-bomb-2GB", flateBombPdf(2048L * 1024 * 1024), "application/pdf",
                Expected.DEAD_LETTERED_OR_STORED_EMPTY));
        inputs.add(Input.body("pdf-no-text-layer", imagePdf(random, 200, 200), "application/pdf",
                Expected.DEAD_LETTERED_OR_STORED_EMPTY));
        inputs.add(Input.body("pdf-no-text-layer-3MB", imagePdf(random, 1000, 1000), "application/pdf",
                Expected.DEAD_LETTERED_OR_STORED_EMPTY));
        inputs.add(Input.body("docx-corrupt-document-xml", zip("word/document.xml", noise(random, 4096)),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Expected.DEAD_LETTERED_OR_STORED_EMPTY));

        // valid UTF-8 text without questions
        inputs.add(Input.body("random-words-50KB", utf8(randomWords(random, 8_000)), TEXT,
                Expected.DEAD_LETTERED_OR_STORED_EMPTY));
        inputs.add(Input.body("random-unicode-100KB", utf8(randomUnicode(random, 50_000)), TEXT,
                Expected.DEAD_LETTERED_OR_STORED_EMPTY));
        inputs.add(Input.body("only-whitespace", utf8(" \n\t\f\r\n\u00A0\u2028 ".repeat(1000)), TEXT,
                Expected.DEAD_LETTERED_OR_STORED_EMPTY));
        inputs.add(Input.body("one-5MB-line", utf8("a".repeat(5 * 1024 * 1024)), TEXT,
                Expected.DEAD_LETTERED_OR_STORED_EMPTY));
        inputs.add(Input.body("control-characters", utf8(controlCharacters(random, 20_000)), TEXT,
                Expected.REJECTED_415));
        inputs.add(Input.body("random-words-12MB", largeText(random, 12 * 1024 * 1024), TEXT,
                Expected.DEAD_LETTERED_OR_STORED_EMPTY));
        inputs.add(Input.body("footer-only", utf8("Tweede Kamer, vergaderjaar 2025–2026, 99 999, nr. 9001 1\n"), TEXT,
                Expected.DEAD_LETTERED_OR_STORED_EMPTY));
        inputs.add(Input.body("answers-without-questions", utf8("Antwoord\nJa, dat klopt.\n\n".repeat(500)), TEXT,
                Expected.DEAD_LETTERED_OR_STORED_EMPTY));
        inputs.add(Input.body("bom-then-markup-noise", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                utf8("<<<>>>&&&;;;</x>".repeat(4000))), TEXT, Expected.DEAD_LETTERED_OR_STORED_EMPTY));

        // the same bytes again
        Input truncated = inputs.stream().filter(i -> i.name().equals("truncated-pdf-60pct")).findFirst().orElseThrow();
        inputs.add(new Input("truncated-pdf-60pct-again", truncated.content(), truncated.contentType(), Map.of(),
                false, Expected.DUPLICATE));
        return List.copyOf(inputs);
    }

    // ------------------------------------------------------------------ generators

    private static byte[] noise(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        // begin with a byte that is neither markup, a BOM, nor the start of a known signature
        bytes[0] = (byte) 0x9C;
        return bytes;
    }

    private static String randomWords(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(i % 12 == 11 ? ".\n" : " ");
        }
        return text.toString();
    }

    private static byte[] largeText(Random random, int size) {
        StringBuilder text = new StringBuilder(size + 100);
        while (text.length() < size) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(text.length() % 97 < 8 ? "\n" : " ");
        }
        text.setLength(size);
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String randomUnicode(Random random, int codePoints) {
        StringBuilder text = new StringBuilder();
        int[][] ranges = {{0x20, 0x7E}, {0xC0, 0x17F}, {0x370, 0x3FF}, {0x400, 0x4FF}, {0x590, 0x5FF}, {0x4E00, 0x4FFF},
                {0x1F300, 0x1F5FF}, {0x2000, 0x206F}};
        for (int i = 0; i < codePoints; i++) {
            int[] range = ranges[random.nextInt(ranges.length)];
            int cp = range[0] + random.nextInt(range[1] - range[0] + 1);
            if (Character.isSurrogate((char) cp) || cp == 0) {
                cp = 'x';
            }
            text.appendCodePoint(cp);
            if (random.nextInt(60) == 0) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static String controlCharacters(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(4) == 0 ? (char) (1 + random.nextInt(8)) : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        dtd.append("<!ENTITY lol1 \"").append("&lol;".repeat(10)).append("\">\n");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        return dtd.append("]>\n<lolz>&lol9;</lolz>\n").toString();
    }

    /** A real one-page PDF with the report's text in Helvetica (made with PDFBox). */
    static byte[] textPdf(String text) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
                content.setLeading(11);
                content.newLineAtOffset(40, 800);
                for (String line : text.split("\n")) {
                    for (int from = 0; from < line.length(); from += 110) {
                        content.showText(line.substring(from, Math.min(line.length(), from + 110)));
                        content.newLine();
                    }
                }
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF whose only page shows an image of noise: no text layer, like a scan. */
    private static byte[] imagePdf(Random random, int width, int height) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    image.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDImageXObject xObject = LosslessFactory.createFromImage(document, image);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(xObject, 20, 20, 550, 800);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A small, well-formed PDF whose single page content stream is FlateDecode-compressed from {@code decodedBytes}:
     * one text-showing operation, then blanks (valid content, about 1000:1). A reader that inflates it whole needs
     * that much memory.
     */
    static byte[] flateBombPdf(long decodedBytes) {
        byte[] head = ascii("BT /F1 12 Tf 72 720 Td (Vraag en antwoord) Tj ET\n");
        byte[] blanks = new byte[1024 * 1024];
        Arrays.fill(blanks, (byte) ' ');
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        deflater.setInput(head);
        long fed = head.length;
        while (true) {
            while (!deflater.needsInput()) {
                compressed.write(buffer, 0, deflater.deflate(buffer));
            }
            if (fed >= decodedBytes) {
                break;
            }
            int n = (int) Math.min(blanks.length, decodedBytes - fed);
            deflater.setInput(blanks, 0, n);
            fed += n;
        }
        deflater.finish();
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        byte[] stream = compressed.toByteArray();

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        pdf.writeBytes(ascii("%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n"));
        String[] objects = {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
                        + "/Contents 4 0 R >>",
                null,
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        for (int i = 0; i < objects.length; i++) {
            offsets.add(pdf.size());
            pdf.writeBytes(ascii((i + 1) + " 0 obj\n"));
            if (objects[i] == null) {
                pdf.writeBytes(ascii("<< /Length " + stream.length + " /Filter /FlateDecode >>\nstream\n"));
                pdf.writeBytes(stream);
                pdf.writeBytes(ascii("\nendstream"));
            } else {
                pdf.writeBytes(ascii(objects[i]));
            }
            pdf.writeBytes(ascii("\nendobj\n"));
        }
        int xref = pdf.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(o -> table.append(String.format("%010d 00000 n \n", o)));
        table.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        pdf.writeBytes(ascii(table.toString()));
        return pdf.toByteArray();
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] zip(String entry, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] utf16WithBom(String text) {
        return concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
    }

    private static byte[] splice(byte[] base, int at, byte[] insert) {
        byte[] out = new byte[base.length + insert.length];
        System.arraycopy(base, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(base, at, out, at + insert.length, base.length - at);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
