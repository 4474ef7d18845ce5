package nl.kamerqa.ingest.feed;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OfficialIdsTest {

    @Test
    void kamerstukIdFromDossierAdditionAndVolgnummer() {
        assertThat(OfficialIds.kamerstuk("36200", "VII", "147")).isEqualTo("kst-36200-VII-147");
        assertThat(OfficialIds.kamerstuk("31066", null, "1234")).isEqualTo("kst-31066-1234");
        assertThat(OfficialIds.kamerstuk("36200", "VII", "-1")).as("no volgnummer").isNull();
        assertThat(OfficialIds.kamerstuk(null, null, "3")).isNull();
    }

    @Test
    void nineDigitAanhangselnummerOfTheTweedeKamerCarriesItsVergaderjaar() {
        // the examples of the portal's issues: 171800824 is 2017-2018 nr. 824
        assertThat(OfficialIds.aanhangsel("171800824", null)).isEqualTo("ah-tk-20172018-824");
        assertThat(OfficialIds.aanhangsel("242501244", "2024-2025")).isEqualTo("ah-tk-20242025-1244");
        assertThat(OfficialIds.aanhangsel(" 990000012 ", null)).as("across the century").isEqualTo("ah-tk-19992000-12");
    }

    @Test
    void nineDigitsThatAreNoVergaderjaarOrNoNumberGiveNoId() {
        assertThat(OfficialIds.aanhangsel("171900824", null)).as("2017-2019 is no vergaderjaar").isNull();
        assertThat(OfficialIds.aanhangsel("171800000", null)).as("number 0").isNull();
        assertThat(OfficialIds.aanhangsel("17180824", "2017-2018")).as("eight digits").isNull();
    }

    @Test
    void plainAanhangselnummerOfOfficieleBekendmakingenNeedsTheVergaderjaar() {
        // the SRU metadata writes aanhangselnummer 3235 with vergaderjaar 2020-2021 (ah-tk-20202021-3235)
        assertThat(OfficialIds.aanhangsel("3235", "2020-2021")).isEqualTo("ah-tk-20202021-3235");
        assertThat(OfficialIds.aanhangsel("3235", null)).as("no vergaderjaar to place it").isNull();
        assertThat(OfficialIds.aanhangsel(null, "2026-2027")).isNull();
    }

    @Test
    void formsNoRealSourceWritesAreNotGuessedAt() {
        assertThat(OfficialIds.aanhangsel("20262027-415", null)).isNull();
        assertThat(OfficialIds.aanhangsel("202223-1234", null)).isNull();
    }

    @Test
    void kamerstukIdOnlyWhenTheDocumentLiesInExactlyOneDossier() {
        assertThat(OfficialIds.kamerstukInDossiers(List.of("36600-XIV"), "23")).isEqualTo("kst-36600-XIV-23");
        assertThat(OfficialIds.kamerstukInDossiers(List.of(), "23")).isNull();
        assertThat(OfficialIds.kamerstukInDossiers(List.of("36600-XVI", "31839"), "12"))
                .as("which dossier the number belongs to is not known").isNull();
    }

    @Test
    void postponementIsRecognisedByKindOrTitle() {
        assertThat(FeedMetadata.isPostponement("Mededeling (uitstel antwoord)", null)).isTrue();
        assertThat(FeedMetadata.isPostponement("Kamervragen (Aanhangsel)",
                "Mededeling van de minister over het uitstel van de beantwoording")).isTrue();
        assertThat(FeedMetadata.isPostponement("Antwoord schriftelijke vragen", "Antwoord op vragen over uitstel van betaling"))
                .isFalse();
    }
}
