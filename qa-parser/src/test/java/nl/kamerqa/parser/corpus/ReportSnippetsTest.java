package nl.kamerqa.parser.corpus;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of issue 3 on small handmade snippets: corpus/report-snippets.md, one test per example. */
class ReportSnippetsTest {


    static List<SnippetCorpus.Example> examples() {
        return SnippetCorpus.read("/corpus/report-snippets.md");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void snippetGivesExpectedRecord(SnippetCorpus.Example example) {
        SnippetCorpus.assertGivesExpectedRecord(example);
    }

    @org.junit.jupiter.api.Test
    void corpusHasAnExampleForEveryRule() {
        assertThat(examples()).extracting(SnippetCorpus.Example::section).contains(
                "Party sections", "Questions", "Answers", "Pages", "Footnotes", "Hyphenation",
                "Contamination", "Metadata", "References");
        assertThat(examples()).extracting(SnippetCorpus.Example::name).doesNotHaveDuplicates();
    }
}
