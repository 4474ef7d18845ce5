package nl.kamerqa.localstack.faults;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Small report-style documents ("verslag van een schriftelijk overleg") the parser understands: party headings,
 * numbered questions each answered under "Antwoord", and the official footer, so document {@code n} is stored as
 * {@code kst-99999-n} with 2 or 3 questions. Uploaded without an official file name, so ingest-service publishes it
 * under {@code sha256:<hex>} and the parser finds the official id in the footer.
 */
final class ReportDocuments {

    static final String DOSSIER_ID = "99999";

    private static final String[] PARTIES = {"VVD", "D66", "CDA", "SP", "PVV", "BBB", "SGP", "ChristenUnie"};
    private static final String[] TOPICS = {"de woningbouw", "het openbaar vervoer", "de jeugdzorg", "de energietransitie",
            "het onderwijs", "de zorgkosten", "de landbouw", "de digitale overheid", "de veiligheid", "het klimaat"};

    /** A good document: what to send and what should be stored. */
    record Report(int number, String documentId, int questions, Input input) {
    }

    private ReportDocuments() {
    }

    /** Documents {@code first} .. {@code first + count - 1}. */
    static List<Report> reports(int first, int count) {
        List<Report> reports = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            reports.add(report(n));
        }
        return List.copyOf(reports);
    }

    static Report report(int n) {
        int questions = 2 + n % 2;
        String first = PARTIES[n % PARTIES.length];
        String second = PARTIES[(n + 3) % PARTIES.length];
        String topic = TOPICS[n % TOPICS.length];
        StringBuilder text = new StringBuilder();
        text.append("Vragen en opmerkingen vanuit de fracties en reactie van de bewindspersoon\n\n");
        text.append("Vragen en opmerkingen van de leden van de ").append(first).append("-fractie\n\n");
        text.append("1. De leden van de ").append(first).append("-fractie vragen hoe het kabinet de gevolgen van ")
                .append("maatregel ").append(n).append(" voor ").append(topic).append(" in beeld brengt. ")
                .append("Welke cijfers zijn daarvoor beschikbaar?\n\n");
        text.append("Antwoord\n");
        text.append("Het kabinet brengt de gevolgen van maatregel ").append(n).append(" in beeld met een jaarlijkse ")
                .append("monitor. De eerste cijfers over ").append(topic).append(" verschijnen dit najaar.\n\n");
        text.append("2. Deze leden vragen verder wanneer de evaluatie van regeling ").append(n)
                .append(" naar de Kamer wordt gestuurd.\n\n");
        text.append("Antwoord\n");
        text.append("De evaluatie van regeling ").append(n).append(" wordt voor de zomer naar de Kamer gestuurd.\n\n");
        if (questions == 3) {
            text.append("Vragen en opmerkingen van de leden van de ").append(second).append("-fractie\n\n");
            text.append("3. De leden van de ").append(second).append("-fractie willen weten hoeveel inwoners gebruik ")
                    .append("maken van voorziening ").append(n).append(".\n\n");
            text.append("Antwoord\n");
            text.append("Ongeveer ").append(n * 100).append(" inwoners maken gebruik van voorziening ").append(n)
                    .append(".\n\n");
        }
        text.append("Tweede Kamer, vergaderjaar 2025–2026, 99 999, nr. ").append(n).append(" 1\n");
        Input input = new Input("report-" + n, text.toString().getBytes(StandardCharsets.UTF_8),
                "text/plain; charset=utf-8", Map.of("filename", "verslag-" + n + ".txt"), false,
                Input.Expected.STORED);
        return new Report(n, "kst-" + DOSSIER_ID + "-" + n, questions, input);
    }
}
