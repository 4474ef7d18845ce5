package nl.kamerqa.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogValuesTest {

    @Test
    void valueWithLineBreaksAndControlCharactersStaysOnOneLineSoItCannotForgeALogLine() {
        String hostile = "report.pdf\r\n2026-12-04 INFO stage=published documentId=forged\u0000\u001b[31m\u0085end\u2028x";

        String quoted = LogValues.quoted(hostile);

        assertThat(quoted).doesNotContainPattern("[\\r\\n\\u0000\\u001b\\u0085\\u2028]")
                .isEqualTo("\"report.pdf 2026-12-04 INFO stage=published documentId=forged [31m end x\"");
    }

    @Test
    void innerDoubleQuotesBecomeSingleSoTheFieldEndsWhereItShould() {
        assertThat(LogValues.quoted("say \"hi\"")).isEqualTo("\"say 'hi'\"");
    }

    @Test
    void longValueIsCutAtFiveHundredCharactersWithAnEllipsis() {
        String quoted = LogValues.quoted("x".repeat(2_000));

        assertThat(quoted).hasSize(502).endsWith("…\"");
    }

    @Test
    void missingValueIsAnEmptyQuotedField() {
        assertThat(LogValues.quoted(null)).isEqualTo("\"\"");
    }

    @Test
    void identifierStaysAsItIsUnlessItCouldBreakTheLine() {
        assertThat(LogValues.token("kst-36200-VII-147")).isEqualTo("kst-36200-VII-147");
        assertThat(LogValues.token("kst-1\nstage=published documentId=forged"))
                .isEqualTo("kst-1_stage=published_documentId=forged");
        assertThat(LogValues.token(null)).isEqualTo("-");
        assertThat(LogValues.token("k".repeat(1_000))).hasSize(200);
    }

    @Test
    void onlyValuesThatCouldBreakALineAreSaidToDoSo() {
        assertThat(LogValues.breaksLines("kst-36200-VII-147")).isFalse();
        assertThat(LogValues.breaksLines("k".repeat(1_000))).as("long, but one line").isFalse();
        assertThat(LogValues.breaksLines("kst-1\u0085x")).isTrue();
        assertThat(LogValues.breaksLines("kst 1")).isTrue();
        assertThat(LogValues.breaksLines(null)).isFalse();
    }
}
