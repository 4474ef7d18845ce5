package nl.kamerqa.parser;

import nl.kamerqa.contracts.OfficialMetadata;
import nl.kamerqa.contracts.ParsedDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The register's metadata of ah-tk-20202021-3235 (as its metadata.xml and metadata_owms.xml give it; ingest's
 * RegisterMetadataTest reads those files) handed to the parser with the publication: the register's ids and dates
 * are taken, the text keeps the questions, the askers with their parties and the addressee it prints.
 */
class OfficialMetadataPrecedenceTest {

    private static final QaParser PARSER = QaParser.create();

    private static final OfficialMetadata REGISTER = new OfficialMetadata("ah-tk-20202021-3235",
            "Kamervragen (Aanhangsel)", "Antwoord",
            "Antwoord op vragen van de leden Van Weyenberg, Romke de Jong en Kat over de Tozo", "2020-2021", null,
            null, "3235", "2021Z09739", List.of("S.P.R.A. van Weyenberg", "R.H. (Romke) de Jong", "H. Kat"),
            List.of("W. Koolmees"), null, "2021-06-21", "2021-06-21");

    @ParameterizedTest
    @ValueSource(strings = {"/official/ah-tk-20202021-3235.odt", "/official/ah-tk-20202021-3235.xml"})
    void registerGivesIdsAndDatesAndTheTextKeepsQuestionsAskersAndAddressee(String sample) {
        ParsedDocument alone = PARSER.parse(Samples.bytes(sample));
        ParsedDocument withRegister = PARSER.parse(Samples.bytes(sample), REGISTER);

        assertThat(withRegister.documentId()).isEqualTo("ah-tk-20202021-3235");
        assertThat(withRegister.kamervragen().aanhangselnummer()).isEqualTo("3235");
        assertThat(withRegister.kamervragen().ontvangen()).isEqualTo("2021-06-21");
        assertThat(withRegister.kamervragen().askers()).isEqualTo(alone.kamervragen().askers())
                .extracting(ParsedDocument.Asker::party).containsOnly("D66");
        assertThat(withRegister.kamervragen().addressee()).isEqualTo(alone.kamervragen().addressee());
        assertThat(withRegister.questions()).isEqualTo(alone.questions()).hasSize(9);
        assertThat(withRegister.vergaderjaar()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/official/ah-tk-20202021-3235.odt", "/official/kst-32545-143.xml"})
    void withoutRegisterMetadataTheParseIsTheTextsAlone(String sample) {
        assertThat(PARSER.parse(Samples.bytes(sample), null)).isEqualTo(PARSER.parse(Samples.bytes(sample)));
    }
}
