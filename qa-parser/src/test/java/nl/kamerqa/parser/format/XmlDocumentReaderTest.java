package nl.kamerqa.parser.format;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Footnote;
import nl.kamerqa.contracts.ParsedDocument.Question;
import nl.kamerqa.parser.QaParser;
import nl.kamerqa.parser.UnsupportedDocumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.stream.IntStream;

import static nl.kamerqa.parser.format.FormatSamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XmlDocumentReaderTest {

    @Test
    void kamervragenMetadataComesFromThePublication() {
        ParsedDocument doc = XmlDocumentReader.read(FormatSamples.kamervragenXml());

        assertThat(doc.documentId()).isEqualTo("ah-tk-20232024-1786");
        assertThat(doc.genre()).isEqualTo("KAMERVRAGEN");
        assertThat(doc.kamer()).isEqualTo("Tweede Kamer");
        assertThat(doc.vergaderjaar()).isEqualTo("2023–2024");
        assertThat(doc.title()).startsWith("Vragen van de leden Hirsch (GroenLinks-PvdA) en Teunissen (PvdA) aan de "
                + "Staatssecretaris van Financiën").endsWith("(ingezonden 4 april 2024).");
        assertThat(doc.parties()).containsExactly("GroenLinks-PvdA", "PvdA");
        assertThat(doc.parser().version()).isEqualTo(QaParser.VERSION);
        assertThat(doc.warnings()).isEmpty();
        assertThat(doc.schemaVersion()).isEqualTo(ParsedDocument.SCHEMA_VERSION);
    }

    @Test
    void everyVraagBecomesAQuestionWithItsAnswer() {
        List<Question> questions = XmlDocumentReader.read(FormatSamples.kamervragenXml()).questions();

        assertThat(questions).extracting(Question::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 15).mapToObj(String::valueOf).toList());
        Question first = questions.get(0);
        assertThat(first.text()).isEqualTo(
                "Bent u bekend met het op 25 maart 2024 gepubliceerde rapport «Dredging destruction» van Both Ends?");
        assertThat(first.footnotes()).containsExactly(1);
        assertThat(first.party()).as("two parties ask: no single party").isNull();
        assertThat(first.page()).isNull();
        assertThat(first.line()).isPositive();
        assertThat(first.answer().text()).isEqualTo("Ja.");
        assertThat(first.answer().covers()).containsExactly("1");
        assertThat(questions).allSatisfy(q -> assertThat(q.answer()).isNotNull());
    }

    @Test
    void vraagNamingTwoNumbersGivesEachItsParagraphAndOneSharedAnswer() {
        List<Question> questions = XmlDocumentReader.read(FormatSamples.kamervragenXml()).questions();
        Question ten = questions.get(9);
        Question eleven = questions.get(10);

        assertThat(ten.text()).startsWith("In welke gevallen kunt u een exportkredietverzekering intrekken?")
                .endsWith("dan wel daarbij betrokken is?");
        assertThat(eleven.text()).isEqualTo("Overweegt u de exportkredietsteun voor de projecten in Mozambique, de "
                + "Malediven en de Filipijnen stop te zetten? Zo nee, waarom niet?");
        assertThat(ten.answer()).isEqualTo(eleven.answer());
        assertThat(ten.answer().covers()).containsExactly("10", "11");
        assertThat(ten.answer().text()).startsWith("Het kabinet overweegt niet om de exportkredietverzekeringen in te trekken");
    }

    @Test
    void footnotesAreTakenOutOfTheTextAndListedWhereTheyAreCited() {
        ParsedDocument doc = XmlDocumentReader.read(FormatSamples.kamervragenXml());

        assertThat(doc.footnotes()).extracting(Footnote::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 16).boxed().toList());
        assertThat(doc.footnotes().get(0).text())
                .isEqualTo("https://www.bothends.org/en/Whats-new/Publicaties/Dredging-Destruction/");
        assertThat(doc.footnotes().get(2)).isEqualTo(new Footnote(3, "Kamerstuk 26 485, nr. 432.", null));
        Question thirteen = doc.questions().get(12);
        assertThat(thirteen.footnotes()).containsExactly(11);
        assertThat(thirteen.answer().footnotes()).containsExactly(12, 13);
        assertThat(thirteen.answer().text()).contains("gold vanaf 2018. Hierbij is gekeken")
                .doesNotContain("Kamerstuk 26 485");
        assertThat(doc.questions()).allSatisfy(q -> {
            assertThat(q.text()).doesNotContain("gulhifalhu", "[^");
            assertThat(q.answer().text()).doesNotContain("www.gulhifalhu.mv", "[^");
        });
    }

    @Test
    void schriftelijkOverlegReadsPartiesQuestionsAndCombinedAnswers() {
        ParsedDocument doc = XmlDocumentReader.read(FormatSamples.schriftelijkOverlegXml());

        assertThat(doc.documentId()).isEqualTo("kst-36200-VII-147");
        assertThat(doc.genre()).isEqualTo("SCHRIFTELIJK_OVERLEG");
        assertThat(doc.dossier()).isEqualTo("36 200 VII");
        assertThat(doc.ondernummer()).isEqualTo("147");
        assertThat(doc.vergaderjaar()).isEqualTo("2022–2023");
        assertThat(doc.kamer()).isEqualTo("Tweede Kamer");
        assertThat(doc.parties()).containsExactly("VVD", "D66", "CDA");
        assertThat(doc.questions()).extracting(Question::number).containsExactly("1", "2", "6", "7", "8", "12", "13");
        assertThat(doc.questions()).extracting(Question::party)
                .containsExactly("VVD", "VVD", "D66", "D66", "D66", "CDA", "CDA");

        Question first = doc.questions().get(0);
        assertThat(first.text()).startsWith("De schrijvers van de Atlas beschrijven de «burgerschapszone».")
                .endsWith("Graag krijgen deze leden een reactie.");
        assertThat(first.answer().text()).startsWith("Een belangwekkende observatie uit de Atlas");
        assertThat(doc.questions().get(1).text()).as("a question written as a numbered list item")
                .startsWith("Er moet aandacht zijn voor «ongewenste maatschappelijke scheidslijnen».");

        Question seven = doc.questions().get(3);
        Question eight = doc.questions().get(4);
        assertThat(seven.answer().covers()).containsExactly("7", "8");
        assertThat(eight.answer()).isEqualTo(seven.answer());
        assertThat(seven.answer().text()).startsWith("De financiering vanuit het gemeentefonds is gebaseerd");
        assertThat(doc.questions().get(2).answer().covers()).containsExactly("6");
    }

    @Test
    void kamerstukListItemsAndFootnotesStayWithTheirAnswer() {
        ParsedDocument doc = XmlDocumentReader.read(FormatSamples.schriftelijkOverlegXml());
        Question thirteen = doc.questions().get(6);

        assertThat(thirteen.answer().footnotes()).containsExactly(1, 2);
        assertThat(thirteen.answer().text())
                .contains("gedeelde zorgen zijn. Burgers maken zich zorgen")
                .contains("– dat mensen de ruimte hebben om zichzelf te kunnen zijn")
                .endsWith("draagt dit bij aan het risico van «afhaken».");
        assertThat(doc.footnotes()).containsExactly(
                new Footnote(1, "SCP, Burgerperspectieven 2022–2", null),
                new Footnote(2, "S. Tjepkema en J. Kabalt, «Goed samenleven»: wat betekent dat?, Groepsinterviews voor "
                        + "het Sociaal Cultureel Planbureau, Kessels en Smit, december 2021", null));
    }

    @Test
    void antwoordWithSeveralNrElementsCoversThemAll() {
        ParsedDocument doc = XmlDocumentReader.read(utf8(kamervragen(
                "<vraag><nr>Vraag 1</nr><al>Kent u het bericht?</al></vraag>"
                        + "<vraag><nr>Vraag 2</nr><al>Wat vindt u ervan?</al></vraag>"
                        + "<antwoord><nr>Antwoord 1</nr><nr>Antwoord 2</nr><al>Ja, en ik vind het zorgelijk.</al></antwoord>")));

        assertThat(doc.questions()).extracting(q -> q.answer().covers())
                .containsExactly(List.of("1", "2"), List.of("1", "2"));
    }

    @Test
    void labelsInsideAlAndFootnoteReferencesAreUnderstood() {
        ParsedDocument doc = XmlDocumentReader.read(utf8(kamervragen(
                "<vraag><al>Vraag 1</al><al>Kent u het rapport<noot id=\"n1\" type=\"voet\"><noot.nr>1</noot.nr>"
                        + "<noot.al>Rapport «Alles op een rij», 2024</noot.al></noot> over <nadruk type=\"cur\">de"
                        + "</nadruk> gevolgen?</al></vraag>"
                        + "<vraag><al>Vraag 2</al><al>Deelt u de conclusies van dat rapport<nootref refid=\"n1\"/>?</al></vraag>"
                        + "<antwoord><al>Antwoord op vragen 1 en 2</al><al>Ja, dat rapport ken ik.</al></antwoord>")));

        assertThat(doc.questions()).extracting(Question::text)
                .containsExactly("Kent u het rapport over de gevolgen?", "Deelt u de conclusies van dat rapport?");
        assertThat(doc.questions()).extracting(Question::footnotes).containsExactly(List.of(1), List.of(1));
        assertThat(doc.questions().get(1).answer().text()).isEqualTo("Ja, dat rapport ken ik.");
        assertThat(doc.questions().get(1).answer().covers()).containsExactly("1", "2");
        assertThat(doc.footnotes()).containsExactly(new Footnote(1, "Rapport «Alles op een rij», 2024", null));
    }

    @Test
    void labelThatLostACommaNamesEveryQuestionAsInTheTextRoute() {
        // "Vraag 4, 5 6 en 7" in an <al>: this route used to refuse the label and number the block by its place
        ParsedDocument doc = XmlDocumentReader.read(utf8(kamervragen(
                "<vraag><al>Vraag 1, 2 3 en 4</al><al>Hoeveel woningen staan leeg?</al><al>Hoe lang gemiddeld?</al>"
                        + "<al>Wat doet u daartegen?</al><al>Wanneer hoort de Kamer meer?</al></vraag>"
                        + "<antwoord><al>Antwoord op vragen 1, 2, en 3 t/m 4: Een monitor verschijnt in juni.</al>"
                        + "</antwoord>")));

        assertThat(doc.questions()).extracting(Question::number).containsExactly("1", "2", "3", "4");
        assertThat(doc.questions().get(1).text()).isEqualTo("Hoe lang gemiddeld?");
        assertThat(doc.questions()).allSatisfy(q -> {
            assertThat(q.answer().covers()).containsExactly("1", "2", "3", "4");
            assertThat(q.answer().text()).isEqualTo("Een monitor verschijnt in juni.");
        });
    }

    @Test
    void reactieVanDeBewindspersoonIsAPartOfTheReportNotAnAnswerToEveryQuestion() {
        ParsedDocument doc = XmlDocumentReader.read(utf8("<officiele-publicatie><kamerstuk><stuk><titel>VERSLAG VAN EEN "
                + "SCHRIFTELIJK OVERLEG</titel><tekst>"
                + "<tussenkop>Vragen en opmerkingen van de leden van de SP-fractie</tussenkop>"
                + "<al>1. De leden van de SP-fractie vragen hoeveel gemeenten een tekort hebben.</al>"
                + "<al>Vragen 2 en 3</al><al>Welke gemeenten zijn dat?</al><al>Wat doet de Minister eraan?</al>"
                + "<tussenkop>Reactie van de bewindspersoon</tussenkop>"
                + "<al>De Minister dankt de leden voor hun vragen en gaat eerst in op het beeld in het algemeen.</al>"
                + "</tekst></stuk></kamerstuk></officiele-publicatie>"));

        assertThat(doc.questions()).extracting(Question::number).containsExactly("1", "2", "3");
        assertThat(doc.questions()).extracting(Question::text).containsExactly(
                "De leden van de SP-fractie vragen hoeveel gemeenten een tekort hebben.", "Welke gemeenten zijn dat?",
                "Wat doet de Minister eraan?");
        assertThat(doc.questions()).allSatisfy(q -> assertThat(q.answer()).isNull());
    }

    @Test
    void identifierIsDerivedWhenTheMetadataNamesNoneAndAMededelingAnswersNothing() {
        ParsedDocument doc = XmlDocumentReader.read(utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <officiele-publicatie>
                  <kamervragen>
                    <kamervraagkop>
                      <tekstregel inhoud="kamer">Tweede Kamer der Staten-Generaal</tekstregel>
                      <tekstregel inhoud="vergaderjaar">Vergaderjaar 2023-2024</tekstregel>
                    </kamervraagkop>
                    <kamervraagnummer>1999</kamervraagnummer>
                    <kamervraagomschrijving type="vraag">Vragen van de leden <naam><achternaam>Sneller</achternaam></naam> (D66), <naam><achternaam>Chakor</achternaam></naam> (GroenLinks-PvdA) en <naam><achternaam>Van Nispen</achternaam></naam> (SP) aan de Minister van Binnenlandse Zaken en Koninkrijksrelaties over juridische analyse(s) van het hoofdlijnenakkoord <datum isodatum="2024-05-30">(ingezonden 30 mei 2024)</datum>.</kamervraagomschrijving>
                    <vraag><nr>Vraag 1</nr><al>Klopt het bericht dat ambtenaren een juridische analyse hebben gemaakt?</al></vraag>
                    <vraag><nr>Vraag 2</nr><al>Kunt u die analyses met de Kamer delen?</al></vraag>
                    <kamervraagopmerking><al>De vragen zijn beantwoord middels een brief (36 471-64).</al></kamervraagopmerking>
                  </kamervragen>
                </officiele-publicatie>
                """.strip()));

        assertThat(doc.documentId()).isEqualTo("ah-tk-20232024-1999");
        assertThat(doc.parties()).containsExactly("D66", "GroenLinks-PvdA", "SP");
        assertThat(doc.questions()).hasSize(2).allSatisfy(q -> assertThat(q.answer()).isNull());
        assertThat(doc.warnings()).anySatisfy(w -> assertThat(w).contains("no answers", "36 471-64"));
    }

    @Test
    @Timeout(10)
    void billionLaughsIsRefusedWithoutExpanding() {
        String xml = FormatSamples.billionLaughs();

        assertThatThrownBy(() -> XmlDocumentReader.read(utf8(xml)))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("refused");
    }

    @Test
    void externalEntityIsRefusedAndNeverRead() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE officiele-publicatie [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
                + "<officiele-publicatie><kamervragen><vraag><nr>Vraag 1</nr><al>&xxe;</al></vraag></kamervragen></officiele-publicatie>";

        assertThatThrownBy(() -> XmlDocumentReader.read(utf8(xxe)))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageNotContaining("root:");
    }

    @Test
    void externalDtdIsNeverFetched() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE officiele-publicatie SYSTEM \"http://127.0.0.1:9/op.dtd\">\n"
                + kamervragen("<vraag><nr>Vraag 1</nr><al>Kent u het bericht?</al></vraag>");

        assertThat(XmlDocumentReader.read(utf8(xml)).questions()).extracting(Question::text)
                .containsExactly("Kent u het bericht?");
    }

    @Test
    void malformedXmlIsRefusedWithItsLine() {
        assertThatThrownBy(() -> XmlDocumentReader.read(utf8("<officiele-publicatie>\n<kamervragen>\n</officiele-publicatie>")))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("not well-formed at line 3");
    }

    @Test
    void xmlThatIsNoPublicationIsRefused() {
        assertThatThrownBy(() -> XmlDocumentReader.read(utf8("<rss version=\"2.0\"><channel/></rss>")))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("<rss>").hasMessageContaining("officiele-publicatie");
    }

    private static String kamervragen(String body) {
        return "<officiele-publicatie><metadata><meta name=\"DC.identifier\" content=\"ah-tk-20232024-9999\"/></metadata>"
                + "<kamervragen><kamervraagomschrijving type=\"vraag\">Vragen van het lid <naam><achternaam>Jansen"
                + "</achternaam></naam> (SP) aan de Minister</kamervraagomschrijving>" + body
                + "</kamervragen></officiele-publicatie>";
    }
}
