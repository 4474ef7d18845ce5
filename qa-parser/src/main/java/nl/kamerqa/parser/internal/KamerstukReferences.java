package nl.kamerqa.parser.internal;

import nl.kamerqa.contracts.ParsedDocument.Reference;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kamerstuk reference recogniser.
 * <p>
 * convention: "Kamerstuk 35 165, nr. 51", "Kamerstuk 32 847 nr. 921", "Kamerstuk 36 200 VII, nr. 33",
 * "Kamerstuk 35 261, A" (an Eerste Kamer letter), "Kamerstukken 30 995 en 33 340, nr. 101" (one paper in two
 * dossiers: two references), "Kamerstukken II 2022/23, 36 200 VII, nr. 5".
 */
final class KamerstukReferences {

    static final String KIND = "kamerstuk";
    private static final Pattern WORD = Pattern.compile("\\b[Kk]amerstuk(?:ken)?\\b");
    private static final Pattern SESSION = Pattern.compile(" (?:I|II) \\d{4}/\\d{2,4},?");
    private static final Pattern DOSSIER = Pattern.compile(
            " (\\d{2} ?\\d{3}(?:-[0-9A-Z]{1,4})?(?: (?:[IVXL]{1,6}|[A-Z])(?=[ ,;)]|$))?)");
    private static final Pattern MORE = Pattern.compile(" en|,(?= \\d{2} ?\\d{3}\\b)");
    private static final Pattern NUMBER = Pattern.compile(",? (?:nr\\. ?(\\d{1,5})\\b|([A-Z]{1,2})(?=[ ,;.)]|$))");

    private KamerstukReferences() {
    }

    static List<Reference> find(String text) {
        List<Reference> found = new ArrayList<>();
        if (text.indexOf("amerstuk") < 0) {
            return found;
        }
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            int at = word.end();
            Matcher session = SESSION.matcher(text).region(at, text.length());
            if (session.lookingAt()) {
                at = session.end();
            }
            List<String> dossiers = new ArrayList<>();
            while (true) {
                Matcher dossier = DOSSIER.matcher(text).region(at, text.length());
                if (!dossier.lookingAt()) {
                    break;
                }
                dossiers.add(dossier.group(1));
                at = dossier.end();
                Matcher more = MORE.matcher(text).region(at, text.length());
                if (!more.lookingAt()) {
                    break;
                }
                at = more.end();
            }
            if (dossiers.isEmpty()) {
                continue;
            }
            Matcher number = NUMBER.matcher(text).region(at, text.length());
            String ondernummer = number.lookingAt()
                    ? (number.group(1) != null ? number.group(1) : number.group(2)) : null;
            for (String dossier : dossiers) {
                found.add(new Reference(KIND, dossier, ondernummer));
            }
        }
        return found;
    }
}
