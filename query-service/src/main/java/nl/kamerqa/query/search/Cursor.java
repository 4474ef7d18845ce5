package nl.kamerqa.query.search;

import nl.kamerqa.query.index.IndexFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in a result list, by its sort values (date or score, documentId, question order) rather than by an
 * offset or a Lucene doc id: documents arriving or being re-parsed do not shift it, so a {@code next} link stays
 * valid. For relevance, new documents change scores a little, so a long-lived relevance cursor may skip or repeat
 * an item near the boundary; date orders are exact.
 */
public record Cursor(SortOrder order, Object sortValue, String documentId, long seq) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** The Lucene sort of an order; the last two fields make every position unique. */
    public static Sort sortOf(SortOrder order) {
        SortField byDocument = new SortField(IndexFields.DOCUMENT_ID, SortField.Type.STRING);
        SortField bySeq = new SortField(IndexFields.SEQ, SortField.Type.LONG);
        return switch (order) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, byDocument, bySeq);
            case DATE -> new Sort(date(false), byDocument, bySeq);
            case NEWEST_FIRST -> new Sort(date(true), byDocument, bySeq);
        };
    }

    private static SortField date(boolean newestFirst) {
        SortField field = new SortField(IndexFields.DATE, SortField.Type.LONG, newestFirst);
        field.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE); // undated entries last either way
        return field;
    }

    static Cursor after(SortOrder order, FieldDoc last) {
        Object[] fields = last.fields;
        return new Cursor(order, fields[0], ((BytesRef) fields[1]).utf8ToString(), (Long) fields[2]);
    }

    /** Lucene's searchAfter position; the doc id is past every real one, so the sort values alone decide. */
    FieldDoc toFieldDoc() {
        return new FieldDoc(Integer.MAX_VALUE, Float.NaN,
                new Object[]{sortValue, new BytesRef(documentId), seq});
    }

    public String encode() {
        String value = order == SortOrder.RELEVANCE ? Float.toString((Float) sortValue) : Long.toString((Long) sortValue);
        String plain = order.parameter() + "|" + value + "|" + seq + "|" + documentId;
        return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String encoded, SortOrder expected) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|", 4);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("cursor is not one this service gave out");
        }
        if (parts.length != 4 || SortOrder.ofParameter(parts[0]).isEmpty()) {
            throw new InvalidCursorException("cursor is not one this service gave out");
        }
        if (SortOrder.ofParameter(parts[0]).get() != expected) {
            throw new InvalidCursorException("cursor belongs to sort=" + parts[0] + ", not sort=" + expected.parameter());
        }
        try {
            Object value = expected == SortOrder.RELEVANCE ? (Object) Float.parseFloat(parts[1]) : (Object) Long.parseLong(parts[1]);
            return new Cursor(expected, value, parts[3], Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            throw new InvalidCursorException("cursor is not one this service gave out");
        }
    }
}
