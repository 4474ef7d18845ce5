package nl.kamerqa.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Answer;
import nl.kamerqa.contracts.ParsedDocument.ParserInfo;
import nl.kamerqa.contracts.ParsedDocument.Provenance;
import nl.kamerqa.contracts.ParsedDocument.Question;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Three parsed documents stored the way parser-service stores them (see the conventions: records converted with
 * Jackson, questions in their own collection with documentId, seq and the document's identifying fields).
 */
public final class StoredSamples {

    public static final String SCHRIFTELIJK_OVERLEG = "kst-36200-VII-147";
    public static final String KAMERVRAGEN = "ah-tk-20232024-1786";
    public static final String OLD_KAMERVRAGEN = "ah-tk-20142015-698";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private StoredSamples() {
    }

    /** Stores all three and creates the indexes parser-service creates, the text index included. */
    public static void storeAll(MongoDatabase db) {
        MongoCollection<Document> questions = db.getCollection("questions");
        questions.createIndex(Indexes.ascending("documentId", "seq"));
        questions.createIndex(Indexes.ascending("party"));
        questions.createIndex(Indexes.compoundIndex(Indexes.text("text"), Indexes.text("answer.text")));
        store(db, schriftelijkOverleg(), Instant.parse("2024-03-01T10:00:00Z"));
        store(db, kamervragen(), Instant.parse("2024-05-01T09:30:00Z"));
        store(db, oldKamervragen(), Instant.parse("2023-01-15T08:00:00Z"));
    }

    /**
     * Five questions; numbers 1, 2, 7, 8, 10 so that seq order (10 last) differs from string order ("10" before
     * "2"); 7 and 8 share one answer; "gemeentefonds" in the text of 2 and the answer of 7 and 8.
     */
    public static ParsedDocument schriftelijkOverleg() {
        Answer combined = new Answer("De financiering vanuit het gemeentefonds wordt in 2024 verhoogd.", 5, 120,
                List.of("7", "8"), List.of());
        return document(SCHRIFTELIJK_OVERLEG, "SCHRIFTELIJK_OVERLEG", "36 200 VII", "147", "2022–2023",
                List.of("VVD", "D66", "GroenLinks-PvdA"),
                List.of(new Question("1", "VVD", "De leden van de VVD-fractie vragen naar de planning.", 2, 30, List.of(),
                                new Answer("De planning volgt in het voorjaar.", 4, 90, List.of("1"), List.of())),
                        new Question("2", "D66", "Hoe groot is het gemeentefonds in 2024?", 2, 41, List.of(1),
                                new Answer("Dat bedrag staat in de begroting.", 4, 95, List.of("2"), List.of())),
                        new Question("7", "D66", "De leden van de D66-fractie zijn verder benieuwd naar de financiering.", 3, 60,
                                List.of(), combined),
                        new Question("8", "D66", "Kan de bewindspersoon toelichten welke middelen beschikbaar zijn?", 3, 66,
                                List.of(), combined),
                        new Question("10", "GroenLinks-PvdA", "Hoe borgt de regering de in- en doorstroom?", 3, 80,
                                List.of(), null)));
    }

    /** Three questions; one quotes an article number with regex metacharacters, one has no party. */
    public static ParsedDocument kamervragen() {
        return kamervragenOf(document(KAMERVRAGEN, "KAMERVRAGEN", null, null, "2023–2024", List.of("PVV"),
                List.of(new Question("1", "PVV", "Bent u bekend met het bericht over de brandweer?", 1, 10, List.of(),
                                new Answer("Ja.", 1, 20, List.of("1"), List.of())),
                        new Question("2", "PVV", "Valt dit onder de uitzondering (art. 3.1) van de wet?", 1, 12, List.of(),
                                new Answer("Nee, die uitzondering geldt hier niet.", 1, 24, List.of("2"), List.of())),
                        new Question("3", null, "Wanneer ontvangt de Kamer de evaluatie?", 1, 14, List.of(), null))),
                "Van Nispen", "PVV", "Minister van Justitie en Veiligheid",
                "Minister Yeşilgöz-Zegerius (Justitie en Veiligheid)", "2023-12-06", "2024-01-10", "1786");
    }

    public static ParsedDocument oldKamervragen() {
        return kamervragenOf(document(OLD_KAMERVRAGEN, "KAMERVRAGEN", null, null, "2014–2015", List.of("ChristenUnie"),
                List.of(new Question("1", "ChristenUnie", "Kent u het rapport over de jeugdzorg?", 1, 8, List.of(),
                                new Answer("Ja, dat rapport ken ik.", 1, 18, List.of("1"), List.of())),
                        new Question("2", "ChristenUnie", "Wat gaat u doen aan de wachtlijsten?", 1, 9, List.of(),
                                new Answer("Ik ga in gesprek met de gemeenten.", 1, 22, List.of("2"), List.of())))),
                "Bouwmeester", "ChristenUnie", "Minister van Volksgezondheid, Welzijn en Sport",
                "Minister Schippers (Volksgezondheid, Welzijn en Sport)", "2014-10-03", "2014-10-24", "698");
    }

    /** Kamervragen metadata as the parser extracts it from the Aanhangsel's heading and answer line. */
    public static ParsedDocument kamervragenOf(ParsedDocument document, String asker, String party, String addressee,
                                               String answeredBy, String ingezonden, String ontvangen, String number) {
        return document.withKamervragen(new ParsedDocument.Kamervragen(List.of(new ParsedDocument.Asker(asker, party)),
                addressee, "de vragen van " + asker, answeredBy, ingezonden, ontvangen, number, null));
    }

    public static ParsedDocument document(String id, String genre, String dossier, String ondernummer,
                                           String vergaderjaar, List<String> parties, List<Question> questions) {
        return new ParsedDocument(ParsedDocument.SCHEMA_VERSION, id, genre, "Vragen over " + id, "Tweede Kamer",
                vergaderjaar, dossier, ondernummer, parties, questions,
                List.of(new ParsedDocument.Footnote(1, "SCP, Burgerperspectieven 2022–2", 7)),
                List.of(new ParsedDocument.Reference("kamerstuk", "35 165", "51")), List.of(),
                new ParserInfo("0.1.0-test"),
                new Provenance("parliament.documents.raw", 0, 42L, "c0ffee" + id.length(), "upload"));
    }

    @SuppressWarnings("unchecked")
    private static void store(MongoDatabase db, ParsedDocument parsed, Instant updatedAt) {
        Document doc = new Document(MAPPER.convertValue(parsed, Map.class));
        doc.remove("questions");
        doc.put("_id", parsed.documentId());
        doc.put("questionCount", parsed.questions().size());
        doc.put("contentSha256", parsed.provenance().contentSha256());
        doc.put("parserVersion", parsed.parser().version());
        doc.put("updatedAt", Date.from(updatedAt));
        db.getCollection("documents").insertOne(doc);

        int position = 0;
        for (Question question : parsed.questions()) {
            position++;
            Document q = new Document(MAPPER.convertValue(question, Map.class));
            q.put("_id", QueryStore.questionId(parsed.documentId(), question.number()));
            q.put("documentId", parsed.documentId());
            q.put("seq", question.number().matches("\\d+") ? Integer.parseInt(question.number()) : position);
            q.put("genre", parsed.genre());
            q.put("dossier", parsed.dossier());
            q.put("vergaderjaar", parsed.vergaderjaar());
            q.put("ondernummer", parsed.ondernummer());
            db.getCollection("questions").insertOne(q);
        }
    }
}
