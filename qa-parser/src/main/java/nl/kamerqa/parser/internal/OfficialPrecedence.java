package nl.kamerqa.parser.internal;

import nl.kamerqa.contracts.OfficialMetadata;
import nl.kamerqa.contracts.ParsedDocument;
import nl.kamerqa.contracts.ParsedDocument.Kamervragen;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the official register says (a feed's {@link OfficialMetadata}) against what the text gives. The precedence:
 * <ul>
 *   <li>the register wins for what it keeps as a key or a registered date: the document id, the
 *       aanhangselnummer, the dates ingezonden (datumIndiening) and ontvangen (datumOntvangst); where the text
 *       said otherwise, a warning names both;</li>
 *   <li>the register fills what the text does not give: title, vergaderjaar, dossier, ondernummer, the askers
 *       (names only: the register has no parties) and the addressee (the register's ontvanger is a person);</li>
 *   <li>the text wins for everything else and for what it does give of the above fields' printed forms (dossier
 *       "36 200 VII", askers with their parties, addressee "Minister van ..."): the questions, answers, subject,
 *       answeredBy, mededeling, parties, footnotes and references are the text's alone.</li>
 * </ul>
 * A Kamervragen block is never invented: the genre is the text's.
 */
public final class OfficialPrecedence {

    private OfficialPrecedence() {
    }

    public static ParsedDocument apply(ParsedDocument parsed, OfficialMetadata official) {
        if (official == null) {
            return parsed;
        }
        List<String> warnings = new ArrayList<>(parsed.warnings());
        String documentId = wins("document id", official.identifier(), parsed.documentId(), warnings);
        Kamervragen k = parsed.kamervragen();
        if (k != null) {
            List<ParsedDocument.Asker> askers = !k.askers().isEmpty() ? k.askers()
                    : official.indieners().stream().map(name -> new ParsedDocument.Asker(name, null)).toList();
            String addressee = k.addressee() != null || official.ontvangers().isEmpty() ? k.addressee()
                    : String.join("; ", official.ontvangers());
            k = new Kamervragen(askers, addressee, k.subject(), k.answeredBy(),
                    wins("ingezonden", official.datumIndiening(), k.ingezonden(), warnings),
                    wins("ontvangen", official.datumOntvangst(), k.ontvangen(), warnings),
                    wins("aanhangselnummer", official.aanhangselnummer(), k.aanhangselnummer(), warnings),
                    k.mededeling());
        }
        return new ParsedDocument(parsed.schemaVersion(), documentId, parsed.genre(),
                fill(parsed.title(), official.title()), parsed.kamer(),
                fill(parsed.vergaderjaar(), official.vergaderjaar()), fill(parsed.dossier(), official.dossier()),
                fill(parsed.ondernummer(), official.ondernummer()), parsed.parties(), parsed.questions(),
                parsed.footnotes(), parsed.references(), warnings, parsed.parser(), parsed.provenance(), k,
                parsed.quality());
    }

    private static String wins(String what, String registered, String read, List<String> warnings) {
        if (registered == null) {
            return read;
        }
        if (read != null && !Objects.equals(registered, read)) {
            warnings.add("official metadata gives " + what + " " + registered + " where the text gives " + read);
        }
        return registered;
    }

    private static String fill(String read, String registered) {
        return read != null ? read : registered;
    }
}
