package nl.kamerqa.parser.format;

import nl.kamerqa.contracts.ParsedDocument.Footnote;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The footnotes a publication prints (XML {@code noot}, HTML {@code div.voet.noot}) by number, and the ids its
 * references point at. The XML and HTML readers fill it from their own markup; the record lists it.
 */
final class PublicationNotes {

    private final Map<String, Integer> numberById = new HashMap<>();
    private final Map<Integer, Footnote> byNumber = new LinkedHashMap<>();

    /** Footnote {@code number} with its text; of two printed under one number the first is kept. */
    void add(int number, String text) {
        byNumber.putIfAbsent(number, new Footnote(number, text, null));
    }

    /** {@code id} names footnote {@code number} (the footnote element's own id: the last one read wins). */
    void name(String id, int number) {
        numberById.put(id, number);
    }

    /** {@code id} names footnote {@code number} unless it already names one (an anchor inside the footnote). */
    void nameIfNew(String id, int number) {
        numberById.putIfAbsent(id, number);
    }

    boolean names(String id) {
        return numberById.containsKey(id);
    }

    /** The footnote number {@code id} names, null for none. */
    Integer numberOf(String id) {
        return numberById.get(id);
    }

    /** Every one of {@code numbers} is a footnote the publication prints. */
    boolean printsAll(Collection<Integer> numbers) {
        return byNumber.keySet().containsAll(numbers);
    }

    /** The footnotes in the order they were read. */
    List<Footnote> list() {
        return new ArrayList<>(byNumber.values());
    }
}
