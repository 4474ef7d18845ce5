package nl.kamerqa.parser.internal;

import nl.kamerqa.parser.internal.FootnoteNumberPairing.Item;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Footnote numbers printed apart from their texts are paired with the texts in the order the convention names. */
class FootnoteNumberPairingTest {

    private static final int FULL_WIDTH = 40;

    /** A page bottom from its lines: a bare number ("15") is a number item, anything else a text item. */
    private record Bottom(List<SourceLine> lines, List<Item> items) {
        static Bottom of(String... texts) {
            List<SourceLine> lines = new ArrayList<>();
            List<Item> items = new ArrayList<>();
            for (String text : texts) {
                items.add(new Item(lines.size(), text.matches("\\d{1,3}") ? Integer.parseInt(text) : -1));
                lines.add(new SourceLine(lines.size() + 1, text, 0, false));
            }
            return new Bottom(lines, items);
        }

        Map<Integer, List<Integer>> bodies() {
            return FootnoteNumberPairing.bodies(items, lines, FULL_WIDTH);
        }
    }

    @Test
    void stackedNumbersNumberTheTextsBelowThemInOrder() {
        Bottom bottom = Bottom.of("15", "16", "Kamerstuk 29 362, nr. 290.", "Het actuele overzicht.");

        assertThat(bottom.bodies()).containsExactly(Map.entry(15, List.of(2)), Map.entry(16, List.of(3)));
    }

    @Test
    void numberAfterTheTextsTakesTheTextThatHasNone() {
        Bottom bottom = Bottom.of("1", "Financieel Dagblad, 3 maart.", "Zie bijlage.", "2");

        assertThat(bottom.bodies()).containsExactly(Map.entry(1, List.of(1)), Map.entry(2, List.of(2)));
    }

    @Test
    void lineCutByThePageWidthGoesOnInTheNextAndStartsNoFootnote() {
        Bottom bottom = Bottom.of("1", "Rapport van de commissie over de kosten van", "het stelsel.", "2");

        assertThat(bottom.bodies()).containsExactly(Map.entry(1, List.of(1, 2)));
    }
}
