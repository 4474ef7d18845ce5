package nl.kamerqa.ingest.feed.sru;

import nl.kamerqa.contracts.OfficialMetadata;
import nl.kamerqa.ingest.feed.FeedException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The register's metadata of the recorded publications, read from each of the forms the repository gives it in. */
class RegisterMetadataTest {

    private static final OfficialMetadata ANSWER_3235 = new OfficialMetadata("ah-tk-20202021-3235",
            "Kamervragen (Aanhangsel)", "Antwoord",
            "Antwoord op vragen van de leden Van Weyenberg, Romke de Jong en Kat over de Tozo", "2020-2021", null,
            null, "3235", "2021Z09739", List.of("S.P.R.A. van Weyenberg", "R.H. (Romke) de Jong", "H. Kat"),
            List.of("W. Koolmees"), null, "2021-06-21", "2021-06-21");

    @Test
    void metadataManifestationGivesTypeNumbersIndienersOntvangerAndDates() throws Exception {
        assertThat(RegisterMetadata.read(bytes("official/ah-tk-20202021-3235.metadata.xml"))).isEqualTo(ANSWER_3235);
    }

    @Test
    void owmsManifestationAndTheSruRecordSayTheSame() throws Exception {
        assertThat(RegisterMetadata.read(bytes("official/ah-tk-20202021-3235.metadata_owms.xml")))
                .isEqualTo(ANSWER_3235);
        SruRecord record = SruResponseParser.parse(bytes("integratie-5-records.xml")).records().get(1);
        assertThat(RegisterMetadata.of(record)).isEqualTo(ANSWER_3235);
    }

    @Test
    void kamerstukTypeComesFromItsSchemeAndThePublicationFromTheParliamentaryType() throws Exception {
        OfficialMetadata motie = RegisterMetadata.read(bytes("official/kst-32545-143.metadata.xml"));

        assertThat(motie.identifier()).isEqualTo("kst-32545-143");
        assertThat(motie.documentType()).as("DC.type of scheme OVERHEIDop.KamerstukTypen").isEqualTo("Motie");
        assertThat(motie.publicationName()).as("DC.type of scheme OVERHEIDop.Parlementair").isEqualTo("Kamerstuk");
        assertThat(motie.dossier()).isEqualTo("32545");
        assertThat(motie.ondernummer()).isEqualTo("143");
        assertThat(motie.indieners()).containsExactly("I. (Inge) van Dijk", "P.A. Grinwis");
        assertThat(motie.aanhangselnummer()).isNull();
    }

    @Test
    void metadataWithoutAnIdentifierIsNoMetadataAndBrokenXmlIsAnError() throws Exception {
        assertThat(RegisterMetadata.read("<metadata_gegevens/>".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThatThrownBy(() -> RegisterMetadata.read("<metadata_gegevens>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedException.class);
    }

    private static byte[] bytes(String name) {
        try (InputStream in = RegisterMetadataTest.class.getResourceAsStream("/feeds/__files/sru/recorded/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
