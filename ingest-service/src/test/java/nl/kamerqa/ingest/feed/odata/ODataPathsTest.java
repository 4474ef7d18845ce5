package nl.kamerqa.ingest.feed.odata;

import nl.kamerqa.ingest.config.FeedProperties.ODataMapping;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ODataPathsTest {

    private static final JsonNode ITEM = JsonMapper.builder().build().readTree("""
            {"Id": "x", "Volgnummer": 23, "Verwijderd": false, "Kamerstukdossier": {"Nummer": 36600, "Toevoeging": "XIV"},
             "DocumentVersie": [{"ExterneIdentifier": null}, {"ExterneIdentifier": "kst-36600-XIV-23"}],
             "DocumentActor": [{"Relatie": "Ondertekenaar", "ActorNaam": "M. Minister"},
                               {"Relatie": "Indiener", "ActorNaam": "A. Lid", "ActorFractie": "D66"},
                               {"Relatie": "Indiener", "ActorNaam": "B. Lid", "ActorFractie": "VVD"}]}""");

    @Test
    void pathsWalkExpandedObjectsAndCollections() {
        assertThat(ODataPaths.first(ITEM, "Kamerstukdossier/Nummer")).isEqualTo("36600");
        assertThat(ODataPaths.first(ITEM, "Volgnummer")).isEqualTo("23");
        assertThat(ODataPaths.first(ITEM, "Verwijderd")).isEqualTo("false");
        assertThat(ODataPaths.first(ITEM, "DocumentVersie/ExterneIdentifier")).isEqualTo("kst-36600-XIV-23");
        assertThat(ODataPaths.first(ITEM, "Kamerstukdossier/Bestaat/Niet")).isNull();
    }

    @Test
    void collectionsCanBeNarrowedByAProperty() {
        assertThat(ODataPaths.joined(ITEM, "DocumentActor[Relatie=Indiener]/ActorNaam")).isEqualTo("A. Lid; B. Lid");
        assertThat(ODataPaths.joined(ITEM, "DocumentActor[Relatie=Indiener]/ActorFractie")).isEqualTo("D66; VVD");
        assertThat(ODataPaths.joined(ITEM, "DocumentActor[Relatie=Medeindiener]/ActorNaam")).isNull();
    }

    @Test
    void nummerAndToevoegingOfEachDossierStayTogether() {
        JsonNode twoDossiers = JsonMapper.builder().build().readTree("""
                {"Kamerstukdossier": [{"Nummer": 31839, "Toevoeging": null}, {"Nummer": 36600, "Toevoeging": "XVI"}]}""");

        assertThat(ODataPaths.rows(twoDossiers, "Kamerstukdossier/Nummer", "Kamerstukdossier/Toevoeging"))
                .containsExactly(Arrays.asList("31839", null), List.of("36600", "XVI"));
        assertThat(ODataPaths.rows(ITEM, "Kamerstukdossier/Nummer", "Kamerstukdossier/Toevoeging"))
                .as("a single expanded object").containsExactly(List.of("36600", "XIV"));
        assertThat(ODataPaths.rows(JsonMapper.builder().build().readTree("{\"Kamerstukdossier\": []}"),
                "Kamerstukdossier/Nummer", "Kamerstukdossier/Toevoeging")).isEmpty();
    }

    @Test
    void aConfiguredFieldOverridesTheVersionDefaultAndNothingElse() {
        ODataMapping overrides = new ODataMapping(null, null, null, null, null, null, null, null, "Document/Nummer",
                null, null, null, null, null, null, null, null, null, null, null, null);

        ODataMapping effective = ODataMapping.v4().overriddenBy(overrides);

        assertThat(effective.nummer()).isEqualTo("Document/Nummer");
        assertThat(effective.soort()).isEqualTo("Soort");
        assertThat(effective.watermark()).as("polled on the time the API showed the change").isEqualTo("ApiGewijzigdOp");
        assertThat(ODataMapping.v5().nummer()).isEqualTo("Document/Nummer");
        assertThat(ODataMapping.v5().entitySet()).isEqualTo("DocumentVersie");
    }

    @Test
    void laterComparesTimesAcrossOffsets() {
        assertThat(ODataPoller.later("2026-11-03T10:00:00+01:00", "2026-11-03T09:30:00Z")).isFalse();
        assertThat(ODataPoller.later("2026-11-03T10:31:00+01:00", "2026-11-03T09:30:00Z")).isTrue();
        assertThat(ODataPoller.later("2026-11-03T10:00:00Z", null)).isTrue();
    }
}
