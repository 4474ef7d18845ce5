package nl.kamerqa.parser.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of issue 4 on small snippets, one test per example: Kamervragen (corpus/kamervragen-snippets.md) and lists
 * of questions and notas (corpus/lists-and-notas-snippets.md); and issue 14's failure classes on layouts the parser
 * was not built against (corpus/unseen-layouts-snippets.md).
 */
class GenreSnippetsTest {

    private static final String UNSEEN_LAYOUTS = "/corpus/unseen-layouts-snippets.md";

    static List<SnippetCorpus.Example> examples() {
        List<SnippetCorpus.Example> all = new ArrayList<>(SnippetCorpus.read("/corpus/kamervragen-snippets.md"));
        all.addAll(SnippetCorpus.read("/corpus/lists-and-notas-snippets.md"));
        all.addAll(SnippetCorpus.read(UNSEEN_LAYOUTS));
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void snippetGivesExpectedRecord(SnippetCorpus.Example example) {
        SnippetCorpus.assertGivesExpectedRecord(example);
    }

    @Test
    void corporaHaveAnExampleForEveryRule() {
        assertThat(SnippetCorpus.read("/corpus/kamervragen-snippets.md")).extracting(SnippetCorpus.Example::section)
                .contains("Header", "Questions", "Answers", "Mededeling", "Footnotes", "Word letters", "No genre");
        assertThat(SnippetCorpus.read("/corpus/lists-and-notas-snippets.md")).extracting(SnippetCorpus.Example::section)
                .contains("Genre", "Questions", "Parties", "Answers");
        // issue 14: one section per failure class on layouts the parser was not built against
        assertThat(SnippetCorpus.read(UNSEEN_LAYOUTS)).extracting(SnippetCorpus.Example::section)
                .contains("Flattened text", "Answers without a heading", "Group labels", "End notes", "Numbered notas");
        assertThat(examples()).extracting(SnippetCorpus.Example::name).doesNotHaveDuplicates();
    }
}
