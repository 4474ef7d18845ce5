package nl.kamerqa.parsing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentIdsTest {

    private static final String HASH_ID = "sha256:" + "ab".repeat(32);

    @Test
    void officialIdFoundByTheParserReplacesAContentHashId() {
        assertThat(DocumentIds.choose(HASH_ID, "kst-36200-VII-147")).isEqualTo("kst-36200-VII-147");
    }

    @Test
    void contentHashIdIsKeptWhenTheParserFindsNoOfficialId() {
        assertThat(DocumentIds.choose(HASH_ID, null)).isEqualTo(HASH_ID);
        assertThat(DocumentIds.choose(HASH_ID, "  ")).isEqualTo(HASH_ID);
    }

    @Test
    void officialIdFromTheSourceIsKeptEvenWhenTheParserReadsAnother() {
        assertThat(DocumentIds.choose("ah-tk-20222023-1234", "kst-36200-VII-147")).isEqualTo("ah-tk-20222023-1234");
    }
}
