package nl.kamerqa.query.index;

import nl.kamerqa.contracts.ParsedDocument;
import org.apache.lucene.analysis.Analyzer;
import nl.kamerqa.contracts.ParsedDocument.Kamervragen;
import nl.kamerqa.contracts.ParsedDocument.Question;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.kamerqa.query.index.IndexFields.*;

/**
 * One parsed document as index entries: a document entry (for {@code /api/documents}) followed by one entry per
 * question, all carrying the document's filter fields so every filter combines with every other. Each entry stores
 * its API JSON, so a result page is read without touching MongoDB.
 */
public final class IndexEntries {

    // texts keep offsets in the postings: the highlighter then needs no re-analysis; a field name has one shape in
    // the whole index, so the document entries' texts keep offsets too. Each text is analyzed once (AnalyzedText)
    // and its tokens indexed in its question's entry and in its document's; the question stores it beside.
    private static final FieldType SEARCHED_TOKENS = searchedTokens();
    private static final Pattern IN_PARENTHESES = Pattern.compile("\\(([^()]+)\\)\\s*$");
    private static final Pattern MINISTER_OF = Pattern.compile("(?i)^.*?\\bvan\\s+(.+)$");
    private static final Pattern FIRST_YEAR = Pattern.compile("(\\d{4})");

    private final JsonMapper json;
    private final Analyzer analyzer = IndexFields.analyzer();

    public IndexEntries(JsonMapper json) {
        this.json = json;
    }

    /** The facts of a document that every entry of it shares. */
    record Shared(ParsedDocument document, LocalDate date, String year, String ministry, String answeredBy,
                  List<String> askers) {
    }

    /** A question's texts, analyzed once for its own entry and its document's. */
    private record QuestionTexts(AnalyzedText text, AnalyzedText answer) {
    }

    /** The document entry first, then its questions in document order. */
    public List<Document> of(ParsedDocument document, Instant publishedAt) {
        Shared shared = shared(document);
        List<QuestionTexts> texts = new ArrayList<>(document.questions().size());
        for (Question q : document.questions()) {
            texts.add(new QuestionTexts(AnalyzedText.of(analyzer, TEXT, q.text()),
                    q.answer() == null ? null : AnalyzedText.of(analyzer, ANSWER, q.answer().text())));
        }
        List<Document> entries = new ArrayList<>(document.questions().size() + 1);
        entries.add(documentEntry(shared, texts, publishedAt));
        for (int i = 0; i < document.questions().size(); i++) {
            entries.add(questionEntry(shared, document.questions().get(i), texts.get(i), i + 1));
        }
        return entries;
    }

    private Document documentEntry(Shared shared, List<QuestionTexts> texts, Instant publishedAt) {
        ParsedDocument d = shared.document();
        Document entry = common(shared, KIND_DOCUMENT, d.documentId(), 0);
        d.parties().forEach(party -> addParty(entry, party));
        List<AnalyzedText> questions = new ArrayList<>();
        List<AnalyzedText> answers = new ArrayList<>();
        questions.add(AnalyzedText.of(analyzer, TEXT, d.title() == null ? "" : d.title()));
        int answered = 0;
        for (QuestionTexts q : texts) {
            questions.add(q.text());
            if (q.answer() != null) {
                answered++;
                answers.add(q.answer());
            }
        }
        if (d.kamervragen() != null && d.kamervragen().subject() != null) {
            questions.add(AnalyzedText.of(analyzer, TEXT, d.kamervragen().subject()));
        }
        // searched, never highlighted: not stored, so a document's texts are stored once (in its questions)
        entry.add(new Field(TEXT, AnalyzedText.joined(questions), SEARCHED_TOKENS));
        entry.add(new Field(ANSWER, AnalyzedText.joined(answers), SEARCHED_TOKENS));
        entry.add(new StringField(ANSWERED, Boolean.toString(answered == d.questions().size()), Field.Store.NO));
        answerDays(d.kamervragen()).ifPresent(days -> entry.add(new NumericDocValuesField(ANSWER_DAYS, days)));

        Map<String, Object> source = new LinkedHashMap<>();
        source.put("id", d.documentId());
        source.putAll(describe(shared, null));
        source.put("kamer", d.kamer());
        source.put("parties", d.parties());
        source.put("questionCount", d.questions().size());
        source.put("answeredCount", answered);
        source.put("references", d.references());
        source.put("warnings", d.warnings());
        source.put("kamervragen", d.kamervragen());
        source.put("parser", d.parser());
        source.put("provenance", d.provenance());
        source.put("updatedAt", publishedAt == null ? null : publishedAt.toString());
        store(entry, source);
        return entry;
    }

    private Document questionEntry(Shared shared, Question q, QuestionTexts texts, int seq) {
        ParsedDocument d = shared.document();
        Document entry = common(shared, KIND_QUESTION, d.documentId() + "#" + q.number(), seq);
        if (q.party() != null) {
            addParty(entry, q.party());
        }
        entry.add(new StoredField(TEXT, q.text()));
        entry.add(new Field(TEXT, texts.text().tokens(), SEARCHED_TOKENS));
        if (q.answer() != null) {
            entry.add(new StoredField(ANSWER, q.answer().text()));
            entry.add(new Field(ANSWER, texts.answer().tokens(), SEARCHED_TOKENS));
        }
        entry.add(new StringField(ANSWERED, Boolean.toString(q.answer() != null), Field.Store.NO));

        Map<String, Object> source = new LinkedHashMap<>();
        source.put("id", d.documentId() + "#" + q.number());
        source.put("documentId", d.documentId());
        source.put("number", q.number());
        source.put("seq", seq);
        source.put("party", q.party());
        source.put("text", q.text());
        source.put("page", q.page());
        source.put("line", q.line());
        source.put("footnotes", q.footnotes());
        source.put("answer", q.answer());
        source.putAll(describe(shared, q.page()));
        store(entry, source);
        return entry;
    }

    private static Document common(Shared shared, String kind, String id, int seq) {
        ParsedDocument d = shared.document();
        Document entry = new Document();
        entry.add(new StringField(KIND, kind, Field.Store.NO));
        entry.add(new StringField(ID, id, Field.Store.NO));
        entry.add(new StringField(DOCUMENT_ID, d.documentId(), Field.Store.NO));
        entry.add(new SortedDocValuesField(DOCUMENT_ID, new BytesRef(d.documentId())));
        entry.add(new NumericDocValuesField(SEQ, seq));
        if (d.dossier() != null) {
            entry.add(new StringField(DOSSIER, dossierKey(d.dossier()), Field.Store.NO));
        }
        if (d.genre() != null) {
            entry.add(new StringField(GENRE, genreKey(d.genre()), Field.Store.NO));
            entry.add(new SortedSetDocValuesFacetField(FACET_GENRE, d.genre()));
        }
        String who = String.join(" ", nonNull(shared.answeredBy(),
                d.kamervragen() == null ? null : d.kamervragen().addressee(), shared.ministry()));
        if (!who.isBlank()) {
            entry.add(new TextField(ANSWERED_BY, who, Field.Store.NO));
        }
        if (shared.ministry() != null) {
            entry.add(new SortedSetDocValuesFacetField(FACET_ANSWERED_BY, shared.ministry()));
            entry.add(new SortedDocValuesField(MINISTRY, new BytesRef(shared.ministry())));
        }
        if (!shared.askers().isEmpty()) {
            entry.add(new TextField(ASKER, String.join(" ", shared.askers()), Field.Store.NO));
        }
        if (shared.date() != null) {
            long day = shared.date().toEpochDay();
            entry.add(new LongPoint(DATE, day));
            entry.add(new NumericDocValuesField(DATE, day));
            entry.add(new SortedSetDocValuesFacetField(FACET_MONTH, shared.date().toString().substring(0, 7)));
        }
        if (shared.year() != null) {
            entry.add(new SortedSetDocValuesFacetField(FACET_YEAR, shared.year()));
        }
        return entry;
    }

    private static void addParty(Document entry, String party) {
        entry.add(new StringField(PARTY, partyKey(party), Field.Store.NO));
        entry.add(new SortedSetDocValuesFacetField(FACET_PARTY, party));
    }

    /** Fields both kinds of item show: where it comes from and how to cite it. */
    private static Map<String, Object> describe(Shared shared, Integer page) {
        ParsedDocument d = shared.document();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("genre", d.genre());
        fields.put("title", d.title());
        fields.put("vergaderjaar", d.vergaderjaar());
        fields.put("dossier", d.dossier());
        fields.put("ondernummer", d.ondernummer());
        fields.put("date", shared.date() == null ? null : shared.date().toString());
        fields.put("answeredBy", shared.answeredBy());
        fields.put("ministry", shared.ministry());
        fields.put("citation", Citations.of(d, page));
        fields.put("sourceUrl", Citations.sourceUrl(d.documentId()));
        return fields;
    }

    private void store(Document entry, Map<String, Object> source) {
        source.values().removeIf(v -> v == null);
        try {
            entry.add(new StoredField(SOURCE, json.writeValueAsBytes(source)));
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot write the entry's JSON", e));
        }
    }

    private static Shared shared(ParsedDocument d) {
        Kamervragen kv = d.kamervragen();
        LocalDate date = kv == null ? null : firstDate(kv.ingezonden(), kv.ontvangen());
        String year = date != null ? Integer.toString(date.getYear()) : firstYear(d.vergaderjaar());
        List<String> askers = new ArrayList<>();
        if (kv != null) {
            kv.askers().forEach(a -> askers.add(a.name()));
        }
        return new Shared(d, date, year, ministry(kv), kv == null ? null : kv.answeredBy(), askers);
    }

    /**
     * The answering ministry: "Minister Schippers (Volksgezondheid, Welzijn en Sport)" gives the part in parentheses;
     * without an answer, the addressee "Minister van Financiën" gives "Financiën".
     */
    static String ministry(Kamervragen kv) {
        if (kv == null) {
            return null;
        }
        if (kv.answeredBy() != null) {
            Matcher m = IN_PARENTHESES.matcher(kv.answeredBy());
            if (m.find()) {
                return m.group(1).strip();
            }
        }
        if (kv.addressee() != null) {
            Matcher m = MINISTER_OF.matcher(kv.addressee());
            return m.matches() ? m.group(1).strip() : kv.addressee().strip();
        }
        return kv.answeredBy();
    }

    /** Days from submission to the answer, for answered Kamervragen with both dates printed. */
    static java.util.OptionalLong answerDays(Kamervragen kv) {
        if (kv == null || kv.mededeling() != null) {
            return java.util.OptionalLong.empty();
        }
        LocalDate asked = firstDate(kv.ingezonden());
        LocalDate answered = firstDate(kv.ontvangen());
        return asked == null || answered == null || answered.isBefore(asked) ? java.util.OptionalLong.empty()
                : java.util.OptionalLong.of(ChronoUnit.DAYS.between(asked, answered));
    }

    private static LocalDate firstDate(String... isoDates) {
        for (String iso : isoDates) {
            if (iso != null) {
                try {
                    return LocalDate.parse(iso);
                } catch (DateTimeParseException e) {
                    // the parser writes ISO dates; anything else is treated as not printed
                }
            }
        }
        return null;
    }

    private static String firstYear(String vergaderjaar) {
        if (vergaderjaar == null) {
            return null;
        }
        Matcher m = FIRST_YEAR.matcher(vergaderjaar);
        return m.find() ? m.group(1) : null;
    }

    private static List<String> nonNull(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static FieldType searchedTokens() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
