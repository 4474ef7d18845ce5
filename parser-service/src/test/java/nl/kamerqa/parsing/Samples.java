package nl.kamerqa.parsing;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Answer;
import nl.kamerqa.contracts.ParsedDocument.Question;
import nl.kamerqa.contracts.RawDocument;
import nl.kamerqa.parser.QaParser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test fixtures built by hand, so the tests do not depend on what the (changing) parser extracts. */
public final class Samples {

    private Samples() {
    }

    /** A raw event whose contentSha256 matches its content. */
    public static RawDocument raw(String documentId, String contentType, byte[] content) {
        return new RawDocument(RawDocument.SCHEMA_VERSION, documentId, ParsingService.sha256Hex(content), contentType,
                "upload", null, null, "2024-05-01T10:00:00Z", Map.of("filename", documentId + ".txt"), content);
    }

    public static RawDocument plainText(String documentId, String text) {
        return raw(documentId, "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }

    /** A schriftelijk overleg with questions numbered 1..n, answers on each, and question 2 answered with 1. */
    public static ParsedDocument parsed(String documentId, int questionCount) {
        List<Question> questions = new ArrayList<>();
        for (int n = 1; n <= questionCount; n++) {
            questions.add(question(String.valueOf(n), n % 2 == 0 ? "D66" : "VVD"));
        }
        return withQuestions(documentId, questions);
    }

    public static ParsedDocument withQuestions(String documentId, List<Question> questions) {
        return new ParsedDocument(ParsedDocument.SCHEMA_VERSION, documentId, "SCHRIFTELIJK_OVERLEG",
                "Vragen en opmerkingen vanuit de fracties", "Tweede Kamer", "2022–2023", "36 200 VII", "147",
                List.of("VVD", "D66"), questions,
                List.of(new ParsedDocument.Footnote(1, "SCP, Burgerperspectieven 2022–2", 7)),
                List.of(new ParsedDocument.Reference("kamerstuk", "35 165", "51")),
                List.of(), new ParsedDocument.ParserInfo(QaParser.VERSION), null);
    }

    public static Question question(String number, String party) {
        return new Question(number, party, "De leden van de " + party + "-fractie vragen " + number + ".", 4, 10,
                List.of(1), new Answer("Antwoord op vraag " + number + ".", 5, 40,
                number == null ? List.of() : List.of(number), List.of()));
    }
}
