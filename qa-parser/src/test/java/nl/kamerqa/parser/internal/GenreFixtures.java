package nl.kamerqa.parser.internal;

import nl.kamerqa.contracts.Genre;
import nl.kamerqa.parser.corpus.SnippetCorpus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The genre readers' inputs as {@link TextParser} gives them, and the snippet corpora with the reader each is for. */
final class GenreFixtures {

    /** A snippet and the genre of the reader that must take it. */
    record Snippet(SnippetCorpus.Example example, Genre reader) {
        @Override
        public String toString() {
            return example.name() + " -> " + reader;
        }
    }

    // the genre each corpus is written for; an example whose expected record names a genre is for that genre's reader
    private static final Map<String, Genre> CORPORA = Map.of(
            "/corpus/kamervragen-snippets.md", Genre.KAMERVRAGEN,
            "/corpus/lists-and-notas-snippets.md", Genre.LIJST_VAN_VRAGEN_EN_ANTWOORDEN,
            "/corpus/report-snippets.md", Genre.SCHRIFTELIJK_OVERLEG,
            "/corpus/unseen-layouts-snippets.md", Genre.KAMERVRAGEN);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private GenreFixtures() {
    }

    /** The text as TextParser lays it out. */
    static TextLayout layout(String text) {
        return TextLayout.of(FlattenedText.unflatten(text));
    }

    static List<Snippet> snippets() {
        List<Snippet> out = new ArrayList<>();
        CORPORA.forEach((corpus, genre) -> SnippetCorpus.read(corpus)
                .forEach(example -> out.add(new Snippet(example, readerFor(example, genre)))));
        return out;
    }

    static List<String> snippetTexts() {
        return snippets().stream().map(s -> s.example().input()).toList();
    }

    private static Genre readerFor(SnippetCorpus.Example example, Genre corpusGenre) {
        JsonNode genre = MAPPER.readTree(example.expectedJson()).get("genre");
        if (genre == null) {
            return corpusGenre;
        }
        // a text of no question genre is the fallback's, whatever its title names
        Genre named = genre.isNull() ? Genre.KAMERSTUK : Genre.valueOf(genre.asString());
        return named.answersExpected() ? named : Genre.KAMERSTUK;
    }
}
