package nl.kamerqa.ingest.feed.odata;

import nl.kamerqa.ingest.config.FeedProperties.ODataMapping;
import nl.kamerqa.ingest.feed.FeedException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ODataMetadataTest {

    private static final ODataMetadata V4 = metadata("v4-metadata.xml");

    private static ODataMetadata metadata(String fixture) {
        try (InputStream in = ODataMetadataTest.class.getResourceAsStream("/feeds/__files/odata/" + fixture)) {
            return ODataMetadata.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FeedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The v4 mapping with overrides as {@code kamerqa.feeds.odata.mapping.*} would set them. */
    private static ODataMapping v4With(Map<String, String> overrides) {
        ODataMapping configured = new Binder(new MapConfigurationPropertySource(overrides))
                .bindOrCreate("mapping", ODataMapping.class);
        return ODataMapping.v4().overriddenBy(configured);
    }

    @Test
    void everyFieldOfTheV4MappingIsFoundThroughItsNavigationProperties() {
        assertThat(V4.missing(ODataMapping.v4())).isEmpty();
    }

    @Test
    void anEntitySetTheServiceDoesNotHaveIsTheOneProblemReported() {
        assertThat(V4.missing(v4With(Map.of("mapping.entity-set", "Documenten")))).singleElement()
                .satisfies(p -> assertThat(p).contains("entity set 'Documenten'")
                        .contains("kamerqa.feeds.odata.mapping.entity-set").contains("[Document, DocumentActor"));
    }

    @Test
    void eachMissingStepOfAPathIsNamedWithTheSettingThatOverridesIt() {
        ODataMapping wrong = v4With(Map.of("mapping.indiener", "DocumentActor[Rol=Indiener]/ActorNaam",
                "mapping.dossier-nummer", "Soort/Nummer", "mapping.watermark", "ApiGewijzigd"));

        assertThat(V4.missing(wrong)).containsExactlyInAnyOrder(
                "'ApiGewijzigd' (kamerqa.feeds.odata.mapping.watermark): Document has no property ApiGewijzigd",
                "'Soort/Nummer' (kamerqa.feeds.odata.mapping.dossier-nummer): Document has no navigation property Soort",
                "'DocumentActor[Rol=Indiener]/ActorNaam' (kamerqa.feeds.odata.mapping.indiener): "
                        + "DocumentActor has no property Rol");
    }

    @Test
    void anAnswerWithoutEntitySetsIsNoMetadata() {
        assertThatThrownBy(() -> ODataMetadata.parse("<Error><Message>An error has occurred.</Message></Error>".getBytes()))
                .isInstanceOf(FeedException.class).hasMessageContaining("no entity set");
    }
}
