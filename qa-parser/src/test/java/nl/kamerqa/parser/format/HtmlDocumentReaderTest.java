package nl.kamerqa.parser.format;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Footnote;
import nl.kamerqa.contracts.ParsedDocument.Question;
import nl.kamerqa.parser.UnsupportedDocumentException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static nl.kamerqa.parser.format.FormatSamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlDocumentReaderTest {

    @Test
    void publicationPageMetadataComesFromItsMetaTags() {
        ParsedDocument doc = HtmlDocumentReader.read(FormatSamples.kamervragenHtml());

        assertThat(doc.documentId()).isEqualTo("ah-tk-20142015-698");
        assertThat(doc.genre()).isEqualTo("KAMERVRAGEN");
        assertThat(doc.kamer()).isEqualTo("Tweede Kamer");
        assertThat(doc.vergaderjaar()).isEqualTo("2014–2015");
        assertThat(doc.title()).isEqualTo("Vragen van het lid Bouwmeester (PvdA) aan de Minister van Volksgezondheid, "
                + "Welzijn en Sport over onterechte ziekenhuisrekeningen (ingezonden 3 oktober 2014).");
        assertThat(doc.parties()).containsExactly("PvdA");
        assertThat(doc.warnings()).isEmpty();
    }

    @Test
    void everyVraagDivBecomesAQuestionOfTheOneAskingParty() {
        List<Question> questions = HtmlDocumentReader.read(FormatSamples.kamervragenHtml()).questions();

        assertThat(questions).extracting(Question::number).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(questions).extracting(Question::party).containsOnly("PvdA");
        assertThat(questions.get(0).text()).isEqualTo("Kent u de berichten «Schadepost van tientallen miljoenen voor "
                + "ziekenhuizen» en «Waanzinrekeningen blijven komen, ondanks invoering «vereenvoudigde ziekenhuisnota»»?");
        assertThat(questions.get(0).footnotes()).containsExactly(1, 2);
        assertThat(questions.get(0).answer().text()).isEqualTo("Ja.");
        assertThat(questions.get(5).answer().text()).startsWith("Nee, een dergelijk overzicht kan ik niet geven.");
        assertThat(questions).allSatisfy(q -> assertThat(q.line()).isPositive());
    }

    @Test
    void vraagTwoAndThreeAreSplitAndShareTheirAnswer() {
        List<Question> questions = HtmlDocumentReader.read(FormatSamples.kamervragenHtml()).questions();
        Question two = questions.get(1);
        Question three = questions.get(2);

        assertThat(two.text()).startsWith("Herinnert u zich uw uitspraken dat,").endsWith("Zo nee, waarom niet?");
        assertThat(two.footnotes()).containsExactly(3);
        assertThat(three.text()).startsWith("Herinnert u zich de eerdere vragen hoe")
                .endsWith("gegeven aan verzekerden? Zo nee, hoe gaat u de zorgverzekeraars bewegen dit dan toch te doen?");
        assertThat(three.footnotes()).containsExactly(4);
        assertThat(two.answer()).isEqualTo(three.answer());
        assertThat(two.answer().covers()).containsExactly("2", "3");
        assertThat(two.answer().text()).startsWith("De uitkomsten van de omzetonderzoeken zijn nog niet bekend.");
    }

    @Test
    void footnoteDivsBecomeFootnotesAndNeverLeakIntoTexts() {
        ParsedDocument doc = HtmlDocumentReader.read(FormatSamples.kamervragenHtml());

        assertThat(doc.footnotes()).containsExactly(
                new Footnote(1, "Financieel Dagblad, «Schadepost van tientallen miljoenen voor ziekenhuizen», 24 september 2014", null),
                new Footnote(2, "De Telegraaf, «Waanzinrekeningen blijven komen, ondanks invoering «vereenvoudigde "
                        + "ziekenhuisnota»», 27 september 2014", null),
                new Footnote(3, "Kamerstuk, 28 828, nr. 70", null),
                new Footnote(4, "Kamerstuk, 28 828, nr. 70", null));
        assertThat(doc.questions()).allSatisfy(q -> {
            assertThat(q.text()).doesNotContain("Kamerstuk, 28 828", "Telegraaf,");
            assertThat(q.answer().text()).doesNotContain("Kamerstuk, 28 828, nr. 70");
        });
    }

    @Test
    void kamerstukPageIsReadAsAFlowOfPartiesQuestionsAndAnswers() {
        ParsedDocument doc = HtmlDocumentReader.read(utf8("""
                <!DOCTYPE html>
                <html lang="nl"><head>
                <meta name="DC.identifier" content="kst-36200-VII-147">
                <meta name="OVERHEIDop.dossiernummer" content="36 200 VII">
                <meta name="OVERHEIDop.ondernummer" content="147">
                <meta name="OVERHEIDop.vergaderjaar" content="2022-2023">
                <meta name="DC.creator" content="Tweede Kamer der Staten-Generaal">
                </head><body><div class="stuk">
                <h1 class="stuktitel">Verslag van een schriftelijk overleg</h1>
                <p>De vaste commissie heeft vragen voorgelegd.</p>
                <h3 class="tussenkop">Vragen en opmerkingen van de leden van de D66-fractie</h3>
                <p>7. De leden van de D66-fractie vragen of de Minister basisvoorzieningen in kaart brengt.<sup><a class="nootnum" href="#n1">1</a></sup></p>
                <p>8. Zij vragen ook naar het gemeentefonds, en naar de m<sup>2</sup> per inwoner.</p>
                <p class="tussenkop"><i>Antwoord vraag 7 en 8</i></p>
                <p>De financiering vanuit het gemeentefonds is gebaseerd op gelijke uitgangsposities.</p>
                <p>Het voorzieningenniveau is lastig te meten.</p>
                <div class="voet noot" id="n1"><p><span class="nootnum">1</span> Kamerstuk 35 925 B, nr. 20</p></div>
                </div></body></html>
                """));

        assertThat(doc.documentId()).isEqualTo("kst-36200-VII-147");
        assertThat(doc.genre()).isEqualTo("SCHRIFTELIJK_OVERLEG");
        assertThat(doc.dossier()).isEqualTo("36 200 VII");
        assertThat(doc.ondernummer()).isEqualTo("147");
        assertThat(doc.vergaderjaar()).isEqualTo("2022–2023");
        assertThat(doc.parties()).containsExactly("D66");
        assertThat(doc.questions()).extracting(Question::number).containsExactly("7", "8");
        assertThat(doc.questions().get(0).footnotes()).containsExactly(1);
        assertThat(doc.questions().get(1).text()).as("a superscript that is no footnote stays text")
                .isEqualTo("Zij vragen ook naar het gemeentefonds, en naar de m2 per inwoner.");
        assertThat(doc.questions().get(1).answer().covers()).containsExactly("7", "8");
        assertThat(doc.questions().get(1).answer().text()).isEqualTo(
                "De financiering vanuit het gemeentefonds is gebaseerd op gelijke uitgangsposities. "
                        + "Het voorzieningenniveau is lastig te meten.");
        assertThat(doc.footnotes()).containsExactly(new Footnote(1, "Kamerstuk 35 925 B, nr. 20", null));
    }

    @Test
    void olderPagesLabelAnswersWithTheQuestionsTheyAnswer() {
        ParsedDocument doc = HtmlDocumentReader.read(utf8("""
                <html><head><meta name="dcterms.identifier" content="ah-tk-20092010-1234"></head><body>
                <div class="vraag"><p class="nummer">1</p><p>Kent u het bericht?</p></div>
                <div class="vraag"><p class="nummer">2</p><p>Wat gaat u doen?</p></div>
                <div class="vraag"><p class="nummer">3</p><p>Wanneer?</p></div>
                <div class="antwoord"><h2>Vraag 1</h2><p>Ja.</p></div>
                <div class="antwoord"><h2>Vraag 2, 3</h2><p>Ik overleg met de sector en bericht u voor de zomer.</p></div>
                </body></html>
                """));

        assertThat(doc.documentId()).isEqualTo("ah-tk-20092010-1234");
        assertThat(doc.vergaderjaar()).isEqualTo("2009–2010");
        assertThat(doc.kamer()).isEqualTo("Tweede Kamer");
        assertThat(doc.questions()).extracting(Question::text).containsExactly("Kent u het bericht?", "Wat gaat u doen?", "Wanneer?");
        assertThat(doc.questions()).extracting(q -> q.answer().covers())
                .containsExactly(List.of("1"), List.of("2", "3"), List.of("2", "3"));
        assertThat(doc.questions().get(2).answer().text()).isEqualTo("Ik overleg met de sector en bericht u voor de zomer.");
    }

    @Test
    void headingLabelThatLostACommaOrIsInCapitalsNamesEveryQuestionAsInTheTextRoute() {
        // "Vraag 1, 2 3": this route used to refuse the label and take the three paragraphs for one question
        ParsedDocument doc = HtmlDocumentReader.read(utf8("""
                <html><head><meta name="dcterms.identifier" content="ah-tk-20232024-1234"></head><body>
                <div class="vraag"><h2>Vraag 1, 2 3</h2><p>Kent u het bericht?</p><p>Klopt het?</p><p>Wat doet u?</p></div>
                <div class="antwoord"><h2>Antwoord 1, 2 3</h2><p>Ja; ik overleg met de sector.</p></div>
                <div class="vraag"><h2>VRAGEN 4 T/M 5</h2><p>Wanneer?</p><p>Met wie?</p></div>
                <div class="antwoord"><h2>ANTWOORD 4 EN 5</h2><p>Voor de zomer, met de gemeenten.</p></div>
                </body></html>
                """));

        assertThat(doc.questions()).extracting(Question::text)
                .containsExactly("Kent u het bericht?", "Klopt het?", "Wat doet u?", "Wanneer?", "Met wie?");
        assertThat(doc.questions()).extracting(q -> q.answer().covers()).containsExactly(List.of("1", "2", "3"),
                List.of("1", "2", "3"), List.of("1", "2", "3"), List.of("4", "5"), List.of("4", "5"));
    }

    @Test
    void pageWithoutAPublicationIsRefused() {
        assertThatThrownBy(() -> HtmlDocumentReader.read(utf8("<html><body><p>Hallo</p></body></html>")))
                .isInstanceOf(UnsupportedDocumentException.class)
                .hasMessageContaining("div.vraag");
    }
}
