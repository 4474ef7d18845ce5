package nl.kamerqa.parser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule for official ids, as the readers and ingest's feeds use it. */
class OfficialIdsTest {

    @ParameterizedTest(name = "{0} {1} nr. {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "Tweede Kamer | 2014–2015 | 698 | ah-tk-20142015-698",
            "Eerste Kamer | 2023-2024 | 12 | ah-ek-20232024-12",
            "Tweede Kamer | Vergaderjaar 2020/2021 | 3235 | ah-tk-20202021-3235",
            "Tweede Kamer | 2014–2015 | 0698 | ah-tk-20142015-698",
            "Tweede Kamer | | 171800824 | ah-tk-20172018-824",
            "Tweede Kamer | | 990000012 | ah-tk-19992000-12"})
    void aanhangselIdFromKamerVergaderjaarAndNumber(String kamer, String vergaderjaar, String number, String id) {
        assertThat(OfficialIds.aanhangsel(kamer, vergaderjaar, number)).isEqualTo(id);
    }

    @Test
    void aanhangselWithAPartUnknownOrImpossibleHasNoId() {
        assertThat(OfficialIds.aanhangsel(null, "2014–2015", "698")).as("no Kamer").isNull();
        assertThat(OfficialIds.aanhangsel("Tweede Kamer", null, "698")).as("no vergaderjaar").isNull();
        assertThat(OfficialIds.aanhangsel("Tweede Kamer", "2014", "698")).as("half a vergaderjaar").isNull();
        assertThat(OfficialIds.aanhangsel("Tweede Kamer", "2014–2015", "0")).as("number 0").isNull();
        assertThat(OfficialIds.aanhangsel("Tweede Kamer", "2014–2015", "nr. 698")).isNull();
        assertThat(OfficialIds.aanhangsel("Tweede Kamer", null, "171900824")).as("2017-2019 is no vergaderjaar").isNull();
    }

    @ParameterizedTest(name = "{0} nr. {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "36 200 VII | 147 | kst-36200-VII-147", "36200-VII | 147 | kst-36200-VII-147",
            "21 501-32 | 1234 | kst-21501-32-1234", "36 200 VII | C | kst-36200-VII-C", "32545 | 143 | kst-32545-143"})
    void kamerstukIdFromDossierAsPrintedOrAsWrittenInIds(String dossier, String ondernummer, String id) {
        assertThat(OfficialIds.kamerstuk(dossier, ondernummer)).isEqualTo(id);
        assertThat(OfficialIds.isKamerstuk(id)).isTrue();
    }

    @Test
    void kamerstukWithoutDossierOrNumberHasNoId() {
        assertThat(OfficialIds.kamerstuk(null, "147")).isNull();
        assertThat(OfficialIds.kamerstuk("36 200 VII", " ")).isNull();
        assertThat(OfficialIds.kamerstuk("Begroting BZK", "147")).isNull();
    }

    @Test
    void shapesTellAanhangselsFromOtherIds() {
        assertThat(OfficialIds.isAanhangsel("ah-tk-20142015-698")).isTrue();
        assertThat(OfficialIds.isAanhangsel("ah-tk-2014-698")).isFalse();
        assertThat(OfficialIds.isAanhangsel("kst-36200-VII-147")).isFalse();
        assertThat(OfficialIds.isAanhangsel(null)).isFalse();
    }
}
