package nl.kamerqa.ingest.feed;

import org.junit.jupiter.api.Test;

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
    void aanhangselIdFromEveryFormOfTheNumber() {
        assertThat(OfficialIds.aanhangsel("412", "2026-2027")).isEqualTo("ah-tk-20262027-412");
        assertThat(OfficialIds.aanhangsel("20262027-415", null)).isEqualTo("ah-tk-20262027-415");
        assertThat(OfficialIds.aanhangsel("202223-1234", null)).isEqualTo("ah-tk-20222023-1234");
        assertThat(OfficialIds.aanhangsel("412", null)).as("no vergaderjaar to place it").isNull();
        assertThat(OfficialIds.aanhangsel(null, "2026-2027")).isNull();
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
