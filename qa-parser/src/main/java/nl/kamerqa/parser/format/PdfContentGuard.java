package nl.kamerqa.parser.format;

import nl.kamerqa.parser.UnsupportedDocumentException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compression bomb guard of {@link PdfTextExtractor}: the decoded size of a PDF's streams, counted before PDFBox
 * decodes any of them into memory.
 */
final class PdfContentGuard {

    private static final Set<COSName> IMAGE_CODECS = Set.of(COSName.DCT_DECODE,
            COSName.DCT_DECODE_ABBREVIATION, COSName.JPX_DECODE, COSName.CCITTFAX_DECODE,
            COSName.CCITTFAX_DECODE_ABBREVIATION, COSName.JBIG2_DECODE);

    private PdfContentGuard() {
    }

    /**
     * Decodes every stream the text stripper may decode (page contents, form XObjects, fonts, ...) once, counting the
     * bytes as they come out of the filters, so a compression bomb is refused before PDFBox inflates it into memory.
     * PDFBox's own {@code getContents()} decodes a whole stream into a buffer first, which is how a 2 MB PDF whose
     * content inflates to 2 GiB ran a 768 MB heap out of memory before a count over its output could stop it.
     * Images are skipped, since text extraction never decodes them, but only streams that are no page's content: PDFBox
     * decodes a page's content stream whatever its dictionary claims, so one marked {@code /Subtype /Image} is counted,
     * and one with an image codec in its filter chain is counted through the filters before the codec. A stream that
     * does not decode is left for PDFBox, which treats it leniently; this check must not be stricter than the reader.
     */
    static void check(PDDocument document, long maxContentBytes) {
        ContentBudget budget = new ContentBudget(maxContentBytes);
        Set<COSStream> pageContents = pageContents(document);
        COSDocument cos = document.getDocument();
        for (Map.Entry<COSObjectKey, Long> entry : cos.getXrefTable().entrySet()) {
            // a negative offset is an object inside an object stream, and a stream can never be one
            if (entry.getValue() == null || entry.getValue() <= 0) {
                continue;
            }
            COSBase object = cos.getObjectFromPool(entry.getKey()).getObject();
            if (object instanceof COSStream stream) {
                boolean content = pageContents.contains(stream);
                if (content || !COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                    decodeCounting(stream, budget, content);
                }
            }
        }
    }

    /** The streams of every page's {@code /Contents} (one stream or an array), found without decoding anything. */
    private static Set<COSStream> pageContents(PDDocument document) {
        Set<COSStream> streams = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PDPage page : document.getPages()) {
            COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
            if (contents instanceof COSStream stream) {
                streams.add(stream);
            } else if (contents instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.getObject(i) instanceof COSStream stream) {
                        streams.add(stream);
                    }
                }
            }
        }
        return streams;
    }

    /**
     * @param content a page's content stream, which PDFBox decodes whatever its filters: an image codec in the chain
     *                ends the counting there rather than skipping the stream
     */
    private static void decodeCounting(COSStream stream, ContentBudget budget, boolean content) {
        List<COSName> filters = filterNames(stream.getFilters());
        int firstImageCodec = 0;
        while (firstImageCodec < filters.size() && !IMAGE_CODECS.contains(filters.get(firstImageCodec))) {
            firstImageCodec++;
        }
        if (firstImageCodec < filters.size()) {
            if (!content) {
                return; // an image codec, which the text stripper does not run on anything but page content
            }
            filters = filters.subList(0, firstImageCodec);
        }
        if (filters.isEmpty()) {
            return; // stored as is (its length is the file's), or only an image codec
        }
        try {
            InputStream in = stream.createRawInputStream();
            for (int i = 0; i < filters.size(); i++) {
                Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
                boolean last = i == filters.size() - 1;
                // only a chain of filters needs the intermediate bytes; the last one is just counted
                ByteArrayOutputStream intermediate = last ? null : new ByteArrayOutputStream();
                OutputStream out = budget.counting(last ? OutputStream.nullOutputStream() : intermediate);
                try (InputStream encoded = in) {
                    filter.decode(encoded, out, stream, i);
                }
                in = last ? null : new ByteArrayInputStream(intermediate.toByteArray());
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ContentBudget.Exceeded) {
                throw new UnsupportedDocumentException("PDF content decodes to more than " + budget.limit()
                        + " bytes (a compression bomb?)");
            }
            // undecodable: PDFBox decides later what to make of it
        }
    }

    private static List<COSName> filterNames(COSBase filters) {
        if (filters instanceof COSName name) {
            return List.of(name);
        }
        List<COSName> names = new ArrayList<>();
        if (filters instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSName name) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Decoded bytes of all streams together; throws {@link Exceeded} from the output stream once over the limit. */
    private static final class ContentBudget {
        /** Unchecked, so that no filter's IOException handling swallows it. */
        static final class Exceeded extends RuntimeException {
            Exceeded() {
                super(null, null, false, false);
            }
        }

        private final long limit;
        private long used;

        ContentBudget(long limit) {
            this.limit = limit;
        }

        long limit() {
            return limit;
        }

        OutputStream counting(OutputStream target) {
            return new FilterOutputStream(target) {
                @Override
                public void write(int b) throws IOException {
                    add(1);
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    add(len);
                    out.write(b, off, len);
                }
            };
        }

        private void add(long bytes) {
            used += bytes;
            if (used > limit) {
                throw new Exceeded();
            }
        }
    }
}
