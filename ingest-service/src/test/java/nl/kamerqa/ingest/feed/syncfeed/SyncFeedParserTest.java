package nl.kamerqa.ingest.feed.syncfeed;

import nl.kamerqa.ingest.feed.FeedException;
import nl.kamerqa.ingest.feed.syncfeed.SyncFeedPage.Entity;
import nl.kamerqa.ingest.feed.syncfeed.SyncFeedPage.Entry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncFeedParserTest {

    private static byte[] fixture(String name) {
        try (InputStream in = SyncFeedParserTest.class.getResourceAsStream("/feeds/__files/syncfeed/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{request.baseUrl}}", "https://gegevensmagazijn.tweedekamer.nl")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void pageWithTkPrefixesGivesEntriesWithTheirSkiptokensEnclosuresAndFields() throws Exception {
        SyncFeedPage page = SyncFeedParser.parse(fixture("feed-start.xml"));

        assertThat(page.entries()).hasSize(4);
        assertThat(SyncFeedPoller.skiptoken(page.next())).isEqualTo("27843577");
        assertThat(page.resume()).isNull();
        Entry b = page.entries().get(1);
        assertThat(b.title()).isEqualTo("4e2f1a3c-8b5d-4c7e-9f01-2a3b4c5d6e02");
        assertThat(SyncFeedPoller.skiptoken(b.next())).as("category first in this link").isEqualTo("27841019");
        assertThat(b.enclosure()).isEqualTo("https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/Resources/"
                + "4e2f1a3c-8b5d-4c7e-9f01-2a3b4c5d6e02");
        Entity document = b.entity();
        assertThat(document.type()).isEqualTo("document");
        assertThat(document.id()).isEqualTo("4e2f1a3c-8b5d-4c7e-9f01-2a3b4c5d6e02");
        assertThat(document.bijgewerkt()).isEqualTo("2026-11-02T15:20:01.1Z");
        assertThat(document.deleted()).isFalse();
        assertThat(document.attributes()).containsEntry("contentType", "application/pdf");
        assertThat(document.field("soort")).isEqualTo("Verslag van een schriftelijk overleg");
        assertThat(document.field("volgnummer")).isEqualTo("58");
        assertThat(document.field("aanhangselnummer")).as("xsi:nil").isNull();
        assertThat(document.fields()).doesNotContainKeys("citeertitel", "alias");
        assertThat(document.ref("kamerstukdossier")).isEqualTo("b1c2d3e4-0001-4f00-8a00-36600000007a");
        assertThat(document.refs().get("zaak")).hasSize(2);
    }

    @Test
    void ns1PrefixesAndTheNineDigitAanhangselnummerAreReadAsWritten() throws Exception {
        SyncFeedPage page = SyncFeedParser.parse(fixture("feed-27843577.xml"));

        Entity f = page.entries().get(0).entity();
        assertThat(f.field("soort")).isEqualTo("Antwoord schriftelijke vragen");
        assertThat(f.field("aanhangselnummer")).isEqualTo("262700441");
        assertThat(f.bijgewerkt()).isEqualTo("2026-11-03T11:45:30.5Z");
        Entity deleted = page.entries().get(2).entity();
        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.fields()).isEmpty();
    }

    @Test
    void verwijderdTrueWithACapitalIsADeletionToo() throws Exception {
        Entity deleted = SyncFeedParser.parse(fixture("deviations/verwijderd-True.xml")).entries().get(0).entity();

        assertThat(deleted.attributes()).containsEntry("verwijderd", "True");
        assertThat(deleted.deleted()).isTrue();
    }

    @Test
    void bijgewerktWithoutAnOffsetIsKeptAsWritten() throws Exception {
        Entity entity = SyncFeedParser.parse(fixture("deviations/bijgewerkt-without-offset.xml")).entries().get(0)
                .entity();

        assertThat(entity.bijgewerkt()).isEqualTo("2026-11-04T09:12:44.5370000");
    }

    @Test
    void unprefixedAttributesAndAnUnknownPrefixAreReadByLocalName() throws Exception {
        String xml = """
                <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title>
                <link rel="next" href="https://host/SyncFeed/2.0/Feed?skiptoken=9&amp;category=Document"/>
                <content type="application/xml"><other:document xmlns:other="urn:some-other-namespace" id="x"
                  verwijderd="false" bijgewerkt="2026-01-01T00:00:00Z"><other:soort>Brief</other:soort></other:document>
                </content></entry></feed>""";

        Entity e = SyncFeedParser.parse(xml.getBytes(StandardCharsets.UTF_8)).entries().get(0).entity();

        assertThat(e.type()).isEqualTo("document");
        assertThat(e.bijgewerkt()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(e.field("soort")).isEqualTo("Brief");
    }

    @Test
    void caughtUpPageHasNoEntriesNoNextLinkAndSaysWhereToResume() throws Exception {
        SyncFeedPage page = SyncFeedParser.parse(fixture("feed-27845310.xml"));

        assertThat(page.entries()).isEmpty();
        assertThat(page.next()).isNull();
        assertThat(SyncFeedPoller.skiptoken(page.resume())).isEqualTo("27845310");
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE feed [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&secret;</title></entry></feed>""";

        assertThatThrownBy(() -> SyncFeedParser.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedException.class).hasMessageContaining("secret");
    }

    @Test
    void anErrorPageIsNotAFeed() {
        assertThatThrownBy(() -> SyncFeedParser.parse(fixture("error-500.xml")))
                .isInstanceOf(FeedException.class).hasMessageContaining("<Error>");
    }

    @Test
    void skiptokenIsFoundWhereverItStandsInTheQuery() {
        assertThat(SyncFeedPoller.skiptoken("https://h/SyncFeed/2.0/Feed?skiptoken=99&category=Persoon")).isEqualTo("99");
        assertThat(SyncFeedPoller.skiptoken("https://h/SyncFeed/2.0/Feed?category=Document&skiptoken=27843577"))
                .isEqualTo("27843577");
        assertThat(SyncFeedPoller.skiptoken("https://h/SyncFeed/2.0/Feed?category=Document")).isNull();
        assertThat(SyncFeedPoller.skiptoken(null)).isNull();
    }
}
