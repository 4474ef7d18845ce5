package nl.kamerqa.parser;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The parser version stored with every document is the build's, not a constant that drifts from it. */
class QaParserVersionTest {

    @Test
    void parserVersionIsTheProjectVersionFromThePom() throws Exception {
        // the tests run in qa-parser/; its pom names the version in its <parent>
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher parent = Pattern.compile("<parent>.*?<version>([^<]+)</version>.*?</parent>", Pattern.DOTALL).matcher(pom);
        assertThat(parent.find()).as("a <parent> version in qa-parser/pom.xml").isTrue();

        assertThat(QaParser.VERSION).isEqualTo(parent.group(1));
    }

    @Test
    void parsedDocumentsCarryThatVersion() {
        assertThat(QaParser.create().parseText("1. Vraag?\n\nAntwoord\nJa.\n").parser().version())
                .isEqualTo(QaParser.VERSION);
    }
}
