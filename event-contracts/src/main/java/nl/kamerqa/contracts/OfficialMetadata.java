package nl.kamerqa.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What the official register (officielebekendmakingen / repository.overheid.nl) says about a publication: its
 * {@code metadata.xml} ({@code OVERHEIDop.*}), {@code metadata_owms.xml} or the SRU record, which carry the same
 * fields. Every field is null (lists empty) when the register does not give it. Values are as the register writes
 * them: dates ISO-8601, vergaderjaar "2020-2021", names with initials ("S.P.R.A. van Weyenberg").
 *
 * @param identifier       the official id ("ah-tk-20202021-3235")
 * @param publicationName  "Kamervragen (Aanhangsel)", "Kamerstuk", "Kamervragen zonder antwoord", ...
 * @param documentType     the kind within the publication: AanhangselTypen ("Antwoord", "Mededeling") or the
 *                         Kamerstuk subrubriek ("Motie", "Verslag van een schriftelijk overleg")
 * @param title            the register's title
 * @param vergaderjaar     the parliamentary year
 * @param dossier          Kamerstuk dossier number(s) ("32545"), several separated by "; "
 * @param ondernummer      number within the dossier
 * @param aanhangselnummer number in the Aanhangsel van de Handelingen ("3235")
 * @param vraagnummer      the Kamer's number of the questions ("2021Z09739")
 * @param indieners        who submitted the questions or the motion, in the register's order
 * @param ontvangers       to whom the questions were put (a person: "W. Koolmees")
 * @param datumIndiening   when the questions were submitted
 * @param datumOntvangst   when the answer was received
 * @param issued           when the publication was issued
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfficialMetadata(String identifier, String publicationName, String documentType, String title,
                               String vergaderjaar, String dossier, String ondernummer, String aanhangselnummer,
                               String vraagnummer, List<String> indieners, List<String> ontvangers,
                               String datumIndiening, String datumOntvangst, String issued) {

    public OfficialMetadata {
        indieners = indieners == null ? List.of() : List.copyOf(indieners);
        ontvangers = ontvangers == null ? List.of() : List.copyOf(ontvangers);
    }
}
