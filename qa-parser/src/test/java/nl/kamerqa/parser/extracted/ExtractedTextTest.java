package nl.kamerqa.parser.extracted;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtractedTextTest {

    @Test
    void plainTextHasAFormFeedForEveryPageSoAnEmptyPageStaysAPage() {
        ExtractedText text = new ExtractedText(List.of(ExtractedLine.body("Vraag 1", 1),
                new ExtractedLine("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1", 1, LineRole.FOOTER, 0),
                ExtractedLine.body("Antwoord 1", 3), ExtractedLine.footnote("1 Kamerstuk 36 200, nr. 3", 3, 1)));

        assertThat(text.text()).isEqualTo("Vraag 1\nTweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1\n\f\f"
                + "Antwoord 1\n1 Kamerstuk 36 200, nr. 3\n");
    }

    @Test
    void textStartingOnALaterPageStartsWithItsFormFeeds() {
        assertThat(new ExtractedText(List.of(ExtractedLine.body("Vraag 1", 2))).text()).isEqualTo("\fVraag 1\n");
    }

    @Test
    void linesWithoutPagesHaveNoFormFeeds() {
        ExtractedText text = new ExtractedText(List.of(ExtractedLine.body("Vraag 1", 0), ExtractedLine.blank(0),
                ExtractedLine.footnote("[1] Stcrt. 2024, 12.", 0, 1)));

        assertThat(text.text()).isEqualTo("Vraag 1\n\n[1] Stcrt. 2024, 12.\n");
        assertThat(new ExtractedText(List.of()).text()).isEmpty();
    }

    @Test
    void onlyTextOfUnknownRoleIsUntyped() {
        ExtractedLine unknown = new ExtractedLine("Vraag 1", 0, LineRole.UNKNOWN, 0);

        assertThat(new ExtractedText(List.of(unknown)).typed()).isFalse();
        assertThat(new ExtractedText(List.of(unknown, ExtractedLine.body("Ja.", 0))).typed()).isTrue();
    }

    @Test
    void lineWithABreakOrAStrayNoteNumberOrAPageGoingBackIsRefused() {
        assertThatThrownBy(() -> ExtractedLine.body("Vraag 1\nAntwoord 1", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExtractedLine.body("\fVraag 1", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExtractedLine("Vraag 1", 1, LineRole.BODY, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExtractedText(List.of(ExtractedLine.body("a", 2), ExtractedLine.body("b", 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
