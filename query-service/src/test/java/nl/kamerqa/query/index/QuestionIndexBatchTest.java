package nl.kamerqa.query.index;

import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.query.StoredSamples;
import nl.kamerqa.query.index.QuestionIndex.Change;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch is indexed on several threads; what the topic says last about a document is what the index holds. */
class QuestionIndexBatchTest {

    private static final Instant AT = Instant.parse("2024-03-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theLastVersionOfADocumentInOneBatchWinsOnFourThreads() throws Exception {
        ParsedDocument full = StoredSamples.schriftelijkOverleg(); // five questions
        ParsedDocument shorter = new ParsedDocument(full.schemaVersion(), full.documentId(), full.genre(), full.title(),
                full.kamer(), full.vergaderjaar(), full.dossier(), full.ondernummer(), full.parties(),
                full.questions().subList(0, 2), full.footnotes(), full.references(), full.warnings(), full.parser(),
                full.provenance(), full.kamervragen(), full.quality());
        List<Change> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(new Change("other-" + i, full.withDocumentId("other-" + i), AT));
        }
        batch.add(5, new Change(full.documentId(), full, AT));
        batch.add(new Change(full.documentId(), shorter, AT)); // re-parsed later in the same batch
        batch.add(new Change("other-3", null, AT));              // removed after its version above

        try (QuestionIndex index = new QuestionIndex(dir, "t", new IndexEntries(JsonMapper.builder().build()), 4)) {
            index.apply(batch, Map.of(0, 43L), true);

            assertThat(questionsOf(index, full.documentId())).isEqualTo(2);
            assertThat(questionsOf(index, "other-3")).isZero();
            assertThat(questionsOf(index, "other-39")).isEqualTo(5);
            int questions = index.search(searcher -> searcher.count(new TermQuery(
                    new Term(IndexFields.KIND, IndexFields.KIND_QUESTION))));
            assertThat(questions).isEqualTo(2 + 39 * 5);
            assertThat(index.appliedOffsets()).containsEntry(0, 43L);
        }
    }

    private static int questionsOf(QuestionIndex index, String documentId) {
        return index.search(searcher -> searcher.count(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.KIND, IndexFields.KIND_QUESTION)), Occur.FILTER)
                .add(new TermQuery(new Term(IndexFields.DOCUMENT_ID, documentId)), Occur.FILTER).build()));
    }
}
