package nl.kamerqa.query.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.facet.FacetsConfig;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The index's field names, analyzers and facet dimensions: one place that reader and writer share. */
public final class IndexFields {

    /**
     * Bump when the fields or their analysis change: an index written with another version is rebuilt from the topic
     * at start-up.
     */
    public static final int SCHEMA_VERSION = 2;

    public static final String KIND = "kind";
    public static final String KIND_QUESTION = "question";
    public static final String KIND_DOCUMENT = "document";
    public static final String ID = "id";
    public static final String DOCUMENT_ID = "documentId";
    public static final String SEQ = "seq";
    public static final String PARTY = "party";
    public static final String DOSSIER = "dossier";
    public static final String GENRE = "genre";
    public static final String ANSWERED = "answered";
    public static final String ANSWERED_BY = "answeredBy";
    public static final String ASKER = "asker";
    public static final String DATE = "date";
    public static final String TEXT = "text";
    public static final String ANSWER = "answer";
    public static final String SOURCE = "source";
    /** Kamervragen documents: days from submission to answer, and the ministry that answered. */
    public static final String ANSWER_DAYS = "answerDays";
    public static final String MINISTRY = "ministry";

    /** Facet dimensions, as named in the API ({@code facets=}, {@code /api/stats/questions?by=}). */
    public static final String FACET_PARTY = "party";
    public static final String FACET_GENRE = "genre";
    public static final String FACET_YEAR = "year";
    public static final String FACET_MONTH = "month";
    public static final String FACET_ANSWERED_BY = "answeredBy";
    public static final List<String> FACETS = List.of(FACET_PARTY, FACET_GENRE, FACET_YEAR, FACET_MONTH, FACET_ANSWERED_BY);

    public static final FacetsConfig FACETS_CONFIG = facetsConfig();

    private IndexFields() {
    }

    /** Dutch stemming and stop words for the texts; names fold case and diacritics ("Financien" finds "Financiën"). */
    public static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new DutchText(), Map.of(ANSWERED_BY, names(), ASKER, names()));
    }

    /** "36 200 VII", "36200-vii" and "36200VII" are one dossier. */
    public static String dossierKey(String dossier) {
        return dossier.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    public static String partyKey(String party) {
        return party.strip().toLowerCase(Locale.ROOT);
    }

    public static String genreKey(String genre) {
        return genre.strip().toUpperCase(Locale.ROOT);
    }

    private static Analyzer names() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream folded = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                return new TokenStreamComponents(source, folded);
            }
        };
    }

    private static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(FACET_PARTY, true); // a document entry carries all its parties
        return config;
    }
}
