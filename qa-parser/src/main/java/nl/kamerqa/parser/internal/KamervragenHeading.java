package nl.kamerqa.parser.internal;

import nl.kamerqa.contracts.ParsedDocument.Asker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recogniser of the sentence that says who asked whom about what.
 * <p>
 * convention: an Aanhangsel prints "Vragen van het lid Bouwmeester (PvdA) aan de Minister van Volksgezondheid,
 * Welzijn en Sport over onterechte ziekenhuisrekeningen (ingezonden 3 oktober 2014)." — also "van de leden Hirsch
 * (GroenLinks-PvdA) en Teunissen (PvdA)", "van de leden Temmink en Van Nispen (beiden SP)", "Vragen gesteld door
 * het lid ..."; a ministry's answer letter heads its answers "Antwoorden van de minister van Justitie en Veiligheid
 * op Kamervragen van de leden ... aan ... over ..." (or "Beantwoording Kamervragen van ..."). The sentence may wrap
 * over several lines. "Vragen van de leden van de VVD-fractie" is a party heading, not this; the header line
 * "Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden" neither.
 *
 * @param sentence   the whole sentence, lines joined
 * @param askers     the members who asked, each with their party
 * @param addressee  to whom ("Minister van Volksgezondheid, Welzijn en Sport"), null when not printed
 * @param subject    about what, null when not printed
 * @param ingezonden ISO date of "(ingezonden ...)", null when not printed
 * @param answeredBy who answers, for an answer letter's heading ("minister van Justitie en Veiligheid"), else null
 */
record KamervragenHeading(String sentence, List<Asker> askers, String addressee, String subject, String ingezonden,
                          String answeredBy) {

    private static final int MAX_LINES = 8;
    private static final String MEMBERS = "(?:het (?:Kamer)?lid|de (?:Kamer)?leden) (?!van de |van het |der )";
    private static final Pattern QUESTIONS = Pattern.compile(
            "^(?:Schriftelijke )?[Vv]ragen (?:gesteld )?(?:van|door) " + MEMBERS);
    private static final Pattern LETTER = Pattern.compile(
            "^(?:(?:Antwoord(?:en)?|Beantwoording) (?:van|namens) (.{3,160}?) op (?:de )?(?:schriftelijke )?"
                    + "(?:Kamer)?vragen|Beantwoording (?:van )?(?:de )?(?:schriftelijke )?(?:Kamer)?vragen)"
                    + " (?:van|gesteld door) " + MEMBERS);
    // convention: a ministry's covering sentence "Hierbij zend ik u de antwoorden op de vragen van het lid ... aan ...
    // over ... (ingezonden ...)." names the askers as the Aanhangsel does
    private static final Pattern COVERING = Pattern.compile(
            "^Hierbij (?:zend|stuur|bied) ik u(?: [a-z]+)?,? (?:mede namens [^,]{3,120}, )?(?:de )?(?:antwoorden|beantwoording)"
                    + " (?:op|van) (?:de )?(?:schriftelijke )?(?:Kamer)?vragen (?:van|gesteld door) " + MEMBERS);
    private static final Pattern GROUP_WORD = Pattern.compile("^(?:beiden|beide|allen|alle|allebei|allemaal) ",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATOR = Pattern.compile(", (?:en )?| en ");
    private static final Pattern INGEZONDEN = Pattern.compile("\\(ingezonden ([^()]{4,40})\\)");

    /** Whether {@code line} starts such a sentence. */
    static boolean starts(String line) {
        return line.length() >= 20 && (line.startsWith("Vragen") || line.startsWith("vragen")
                || line.startsWith("Schriftelijke") || line.startsWith("Antwoord") || line.startsWith("Beantwoording")
                || line.startsWith("Hierbij"))
                && (QUESTIONS.matcher(line).find() || LETTER.matcher(line).find() || COVERING.matcher(line).find());
    }

    /**
     * The heading starting at line {@code start}; its lines end at the first that closes the sentence or before a
     * blank line or a line {@code stop} accepts.
     *
     * @return the heading and the index of its last line, or null
     */
    static Match read(List<SourceLine> lines, boolean[] skip, int start, java.util.function.IntPredicate stop) {
        if (!starts(lines.get(start).text())) {
            return null;
        }
        StringBuilder sentence = new StringBuilder(lines.get(start).text());
        int last = start;
        for (int i = start + 1; i < lines.size() && i - start < MAX_LINES && !closes(sentence); i++) {
            if (skip[i]) {
                continue;
            }
            if (lines.get(i).isBlank() || stop.test(i)) {
                break;
            }
            String text = lines.get(i).text();
            if (sentence.charAt(sentence.length() - 1) == '-' && !text.isEmpty() && Character.isLowerCase(text.charAt(0))) {
                sentence.append(text); // a word broken at the line end
            } else {
                sentence.append(' ').append(text);
            }
            last = i;
        }
        return new Match(parse(sentence.toString()), last);
    }

    /** A heading and the index of its last line. */
    record Match(KamervragenHeading heading, int lastLine) {
    }

    private static boolean closes(CharSequence sentence) {
        String s = sentence.toString();
        return s.endsWith(".") && (s.contains("(ingezonden") || s.contains(" over ")) && balanced(s);
    }

    /** Reads a sentence known to be such a heading. */
    static KamervragenHeading parse(String sentence) {
        String s = sentence.strip();
        String answeredBy = null;
        int membersAt;
        Matcher letter = LETTER.matcher(s);
        Matcher questions = QUESTIONS.matcher(s);
        if (questions.find()) {
            membersAt = questions.end();
        } else if (letter.find()) {
            membersAt = letter.end();
            answeredBy = letter.group(1) == null ? null : withoutArticle(letter.group(1));
        } else if (COVERING.matcher(s).find()) {
            Matcher covering = COVERING.matcher(s);
            membersAt = covering.find() ? covering.end() : 0;
        } else {
            return new KamervragenHeading(s, List.of(), null, null, null, null);
        }
        String rest = s.substring(membersAt);
        int aan = outside(rest, " aan ");
        String askersPart = aan < 0 ? rest : rest.substring(0, aan);
        String afterAan = aan < 0 ? "" : rest.substring(aan + 5);
        int over = outside(afterAan, " over ");
        String addressee = over < 0 ? afterAan : afterAan.substring(0, over);
        String subject = over < 0 ? null : afterAan.substring(over + 6);
        String ingezonden = null;
        Matcher date = INGEZONDEN.matcher(s);
        if (date.find()) {
            ingezonden = DutchDate.firstIso(date.group(1));
        }
        addressee = trimTail(cutAtIngezonden(addressee));
        subject = subject == null ? null : trimTail(cutAtIngezonden(subject));
        return new KamervragenHeading(s, askers(askersPart), emptyToNull(withoutArticle(addressee)),
                emptyToNull(subject), ingezonden, answeredBy);
    }

    /** "Hirsch (GroenLinks-PvdA) en Teunissen (PvdA)", "Temmink en Van Nispen (beiden SP)". */
    static List<Asker> askers(String part) {
        List<String> pieces = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                Matcher m = SEPARATOR.matcher(part).region(i, part.length());
                if (m.lookingAt()) {
                    pieces.add(part.substring(from, i));
                    from = m.end();
                    i = m.end() - 1;
                }
            }
        }
        pieces.add(part.substring(from));
        List<String> names = new ArrayList<>();
        List<String> parties = new ArrayList<>();
        for (String piece : pieces) {
            String p = piece.strip();
            if (p.isEmpty()) {
                continue;
            }
            String party = null;
            int open = p.lastIndexOf('(');
            if (open > 0 && p.endsWith(")")) {
                String inside = p.substring(open + 1, p.length() - 1).strip();
                p = p.substring(0, open).strip();
                Matcher group = GROUP_WORD.matcher(inside);
                if (group.find()) {
                    // "(beiden SP)": the party of every member named before it without one
                    inside = inside.substring(group.end()).strip();
                    for (int k = parties.size() - 1; k >= 0 && parties.get(k) == null; k--) {
                        parties.set(k, inside);
                    }
                }
                party = inside.isEmpty() ? null : inside;
            }
            if (!p.isEmpty() && p.length() <= 60) {
                names.add(p);
                parties.add(party);
            }
        }
        List<Asker> askers = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            askers.add(new Asker(names.get(i), parties.get(i)));
        }
        return askers;
    }

    /** The one party asking, when all askers with a party share it; null for none or several. */
    String singleParty() {
        String party = null;
        for (Asker a : askers) {
            if (a.party() == null) {
                continue;
            }
            if (party != null && !party.equals(a.party())) {
                return null;
            }
            party = a.party();
        }
        return party;
    }

    /** The askers' parties in order, each once. */
    List<String> parties() {
        List<String> out = new ArrayList<>();
        for (Asker a : askers) {
            if (a.party() != null && !out.contains(a.party())) {
                out.add(a.party());
            }
        }
        return out;
    }

    /** Index of {@code needle} in {@code text} outside parentheses, -1 when absent. */
    private static int outside(String text, String needle) {
        int depth = 0;
        for (int i = 0; i + needle.length() <= text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && text.startsWith(needle, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        return depth <= 0;
    }

    private static String cutAtIngezonden(String text) {
        int at = text.indexOf("(ingezonden");
        return at < 0 ? text : text.substring(0, at);
    }

    private static String trimTail(String text) {
        String t = text.strip();
        while (t.endsWith(".") || t.endsWith(",")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    private static String withoutArticle(String text) {
        String t = text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        for (String article : List.of("de ", "het ", "den ")) {
            if (lower.startsWith(article)) {
                return t.substring(article.length()).strip();
            }
        }
        return t;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
