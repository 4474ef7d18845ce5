package nl.kamerqa.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentIdsTest {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @ParameterizedTest
    @ValueSource(strings = {"kst-36200-VII-147", "kst-31066-1234", "kst-36410-A-5", "ah-tk-20222023-1234",
            "ah-ek-20232024-12", "kv-tk-2023Z12345", "blg-1032749", "h-tk-20222023-12-3"})
    void officialIdsAreRecognised(String id) {
        assertThat(DocumentIds.isOfficial(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "kst-36200", "kst-abc-1", "KST-36200-VII-147", "ah-tk-2022-1234", "ah-xx-20222023-1",
            "blg-", "report", "kst-36200-VII-147.pdf", "kst-36200-VII-147 extra", "sha256:" + SHA, "../kst-36200-VII-147"})
    void otherStringsAreNotOfficialIds(String id) {
        assertThat(DocumentIds.isOfficial(id)).isFalse();
    }

    @Test
    void declaredOfficialIdWins() {
        assertThat(DocumentIds.derive("ah-tk-20222023-1234", "kst-36200-VII-147.pdf", SHA))
                .isEqualTo("ah-tk-20222023-1234");
    }

    @Test
    void declaredIdIsTrimmed() {
        assertThat(DocumentIds.derive("  kst-36200-VII-147\n", null, SHA)).isEqualTo("kst-36200-VII-147");
    }

    @Test
    void fileNameStemIsUsedWhenDeclaredIdIsNotOfficial() {
        assertThat(DocumentIds.derive("my-own-id", "kst-36200-VII-147.pdf", SHA)).isEqualTo("kst-36200-VII-147");
    }

    @Test
    void fileNameStemIsUsedWithoutDirectoryOrExtension() {
        assertThat(DocumentIds.derive(null, "C:\\downloads\\ah-tk-20222023-1234.html", SHA))
                .isEqualTo("ah-tk-20222023-1234");
        assertThat(DocumentIds.derive(null, "/tmp/blg-1032749.docx", SHA)).isEqualTo("blg-1032749");
    }

    @Test
    void contentHashIsTheIdWhenNothingOfficialIsKnown() {
        assertThat(DocumentIds.derive("my-own-id", "antwoorden.pdf", SHA)).isEqualTo("sha256:" + SHA);
        assertThat(DocumentIds.derive(null, null, SHA)).isEqualTo("sha256:" + SHA);
    }

    @Test
    void fileNameWithOnlyAnExtensionAddsNothing() {
        assertThat(DocumentIds.derive(null, ".pdf", SHA)).isEqualTo("sha256:" + SHA);
    }
}
