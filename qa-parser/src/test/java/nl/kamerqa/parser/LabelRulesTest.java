package nl.kamerqa.parser;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Question;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text route (plain text, PDF, Word) and the XML/HTML route read labels and headings by one rule set: the same
 * label or heading line, put in the same Kamervragen or report, gives the same question numbers and answers in each.
 */
class LabelRulesTest {

    private static final QaParser PARSER = QaParser.create();
    private static final String ASKED = "Vragen van het lid Jansen (SP) aan de Minister van Financiën over boetes "
            + "(ingezonden 2 mei 2024).";

    /** One Kamervragen: questions 1 to first-1 labelled one by one, then the group label and its answer heading. */
    private record Kamervragen(String label, String answer, List<Integer> group) {

        List<Integer> earlier() {
            List<Integer> before = new ArrayList<>();
            for (int n = 1; n < group.get(0); n++) {
                before.add(n);
            }
            return before;
        }

        String text() {
            StringBuilder t = new StringBuilder(ASKED + "\nAntwoord van Minister Van Rij (Financiën) (ontvangen 21 mei "
                    + "2024).\n\n");
            for (int n : earlier()) {
                t.append("Vraag ").append(n).append("\n").append(question(n)).append("\n\nAntwoord ").append(n)
                        .append("\n").append(reply(n)).append("\n\n");
            }
            t.append(label).append("\n");
            for (int n : group) {
                t.append(question(n)).append("\n\n");
            }
            return t.append(answer).append("\n").append(reply(0)).append("\n").toString();
        }

        String xml() {
            StringBuilder x = new StringBuilder("<officiele-publicatie><metadata><meta name=\"DC.identifier\" "
                    + "content=\"ah-tk-20232024-9999\"/></metadata><kamervragen><kamervraagomschrijving type=\"vraag\">"
                    + ASKED + "</kamervraagomschrijving>");
            for (int n : earlier()) {
                x.append("<vraag><nr>Vraag ").append(n).append("</nr><al>").append(question(n)).append("</al></vraag>")
                        .append("<antwoord><nr>Antwoord ").append(n).append("</nr><al>").append(reply(n))
                        .append("</al></antwoord>");
            }
            // the label as the first paragraph, as older publications print it
            x.append("<vraag><al>").append(escaped(label)).append("</al>");
            for (int n : group) {
                x.append("<al>").append(question(n)).append("</al>");
            }
            return x.append("</vraag><antwoord><al>").append(escaped(answer)).append("</al><al>").append(reply(0))
                    .append("</al></antwoord></kamervragen></officiele-publicatie>").toString();
        }

        String html() {
            StringBuilder h = new StringBuilder("<html><head><meta name=\"DC.identifier\" content=\"ah-tk-20232024-9999\">"
                    + "</head><body><div class=\"kamervraagomschrijving_kop\">" + ASKED + "</div>");
            for (int n : earlier()) {
                h.append("<div class=\"vraag\"><h2>Vraag ").append(n).append("</h2><p>").append(question(n))
                        .append("</p></div><div class=\"antwoord\"><h2>Antwoord ").append(n).append("</h2><p>")
                        .append(reply(n)).append("</p></div>");
            }
            h.append("<div class=\"vraag\"><h2>").append(escaped(label)).append("</h2>");
            for (int n : group) {
                h.append("<p>").append(question(n)).append("</p>");
            }
            return h.append("</div><div class=\"antwoord\"><h2>").append(escaped(answer)).append("</h2><p>").append(reply(0))
                    .append("</p></div></body></html>").toString();
        }

        private static String escaped(String text) {
            return text.replace("&", "&amp;");
        }

        private static String question(int n) {
            return "Hoeveel boetes zijn er in regio " + n + " opgelegd?";
        }

        private static String reply(int n) {
            return n == 0 ? "Dat staat in de bijlage." : "In regio " + n + " waren het er twaalf.";
        }
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
            "Vraag 4, 5 6 en 7 | Antwoord op vragen 4, 5, 6 en 7 | 4 5 6 7",
            "Vragen 12 t/m 14 | Antwoord vraag 12 t/m 14 | 12 13 14",
            "Vragen 2, 3, en 4 | Antwoord op vragen 2, 3, en 4 | 2 3 4",
            "Vraag 7 en 8 | Antwoord vraag 7 en 8 | 7 8",
            "Vragen 2 tot en met 4 | Antwoord | 2 3 4",
            "Vraag 3 & 4 | Antwoord 3 & 4 | 3 4",
            "VRAGEN 5 EN 6 | ANTWOORD 5 EN 6 | 5 6",
            "VRAGEN 12 T/M 14 | ANTWOORD | 12 13 14",
            "Vraag 2 en 3 | Reactie op vragen 2 en 3 | 2 3",
            "Vraag 2 en 3 | Reactie | 2 3"})
    void groupLabelAndItsAnswerHeadingGiveTheSameQuestionsFromTextXmlAndHtml(String label, String answer,
                                                                            String numbers) {
        List<Integer> group = Arrays.stream(numbers.split(" ")).map(Integer::valueOf).toList();
        Kamervragen kamervragen = new Kamervragen(label, answer, group);
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (int n : kamervragen.earlier()) {
            expected.put(String.valueOf(n), List.of(String.valueOf(n)));
        }
        List<String> covers = group.stream().map(String::valueOf).toList();
        covers.forEach(n -> expected.put(n, covers));

        for (String route : List.of("text", "xml", "html")) {
            ParsedDocument doc = PARSER.parse(utf8(switch (route) {
                case "text" -> kamervragen.text();
                case "xml" -> kamervragen.xml();
                default -> kamervragen.html();
            }));
            assertThat(answered(doc)).as(route).isEqualTo(expected);
            assertThat(doc.questions()).as(route).filteredOn(q -> covers.contains(q.number()))
                    .extracting(Question::text).containsExactlyElementsOf(
                            group.stream().map(n -> "Hoeveel boetes zijn er in regio " + n + " opgelegd?").toList());
        }
    }

    @Test
    void labelWithTheQuestionAfterAColonIsOneQuestionInEveryRoute() {
        String text = ASKED + "\nAntwoord van Minister Van Rij (Financiën) (ontvangen 21 mei 2024).\n\n"
                + "Vraag 1: Kent u het bericht?\n\nAntwoord 1: Ja.\n";
        String xml = "<officiele-publicatie><kamervragen><kamervraagomschrijving type=\"vraag\">" + ASKED
                + "</kamervraagomschrijving><vraag><al>Vraag 1: Kent u het bericht?</al></vraag>"
                + "<antwoord><al>Antwoord 1: Ja.</al></antwoord></kamervragen></officiele-publicatie>";

        for (ParsedDocument doc : List.of(PARSER.parse(utf8(text)), PARSER.parse(utf8(xml)))) {
            assertThat(doc.questions()).singleElement().satisfies(q -> {
                assertThat(q.number()).isEqualTo("1");
                assertThat(q.text()).isEqualTo("Kent u het bericht?");
                assertThat(q.answer().text()).isEqualTo("Ja.");
            });
        }
    }

    @Test
    void reactieHeadsAnAnswerButReactieVanDeBewindspersoonHeadsAPartInEveryRoute() {
        String text = """
                Vragen en opmerkingen van de leden van de VVD-fractie

                1. De leden van de VVD-fractie vragen of de Minister het rapport kent.

                Reactie

                De Minister kent het rapport.

                2. De leden van de VVD-fractie vragen wat het rapport kost.

                Reactie van de bewindspersoon

                Dit deel geeft een beschouwing en antwoordt geen vraag in het bijzonder.
                """;
        String xml = "<officiele-publicatie><kamerstuk><stuk><titel>VERSLAG VAN EEN SCHRIFTELIJK OVERLEG</titel>"
                + "<tekst><tussenkop>Vragen en opmerkingen van de leden van de VVD-fractie</tussenkop>"
                + "<al>1. De leden van de VVD-fractie vragen of de Minister het rapport kent.</al>"
                + "<tussenkop>Reactie</tussenkop><al>De Minister kent het rapport.</al>"
                + "<al>2. De leden van de VVD-fractie vragen wat het rapport kost.</al>"
                + "<tussenkop>Reactie van de bewindspersoon</tussenkop>"
                + "<al>Dit deel geeft een beschouwing en antwoordt geen vraag in het bijzonder.</al>"
                + "</tekst></stuk></kamerstuk></officiele-publicatie>";

        for (ParsedDocument doc : List.of(PARSER.parse(utf8(text)), PARSER.parse(utf8(xml)))) {
            assertThat(doc.questions()).extracting(Question::number).containsExactly("1", "2");
            assertThat(doc.questions().get(0).answer().text()).isEqualTo("De Minister kent het rapport.");
            assertThat(doc.questions().get(1).text()).isEqualTo("De leden van de VVD-fractie vragen wat het rapport kost.");
            assertThat(doc.questions().get(1).answer()).as("the part answers no question").isNull();
        }
    }

    /** Each question's number with the numbers its answer covers (empty when it has no answer). */
    private static Map<String, List<String>> answered(ParsedDocument doc) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Question q : doc.questions()) {
            out.put(q.number(), q.answer() == null ? List.of() : q.answer().covers());
        }
        return out;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
