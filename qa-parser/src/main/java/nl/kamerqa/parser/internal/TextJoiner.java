package nl.kamerqa.parser.internal;

/**
 * Folds the lines of one question, answer or footnote into one text.
 * <p>
 * convention: a text keeps the document's own characters; line breaks, paragraph breaks and page breaks become
 * single spaces; line-end hyphens are resolved by {@link LineEndHyphen}.
 */
final class TextJoiner {

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile(" {2,}");
    private final WordEvidence evidence;
    private final StringBuilder text = new StringBuilder();
    private String previous = "";

    TextJoiner(WordEvidence evidence) {
        this.evidence = evidence;
    }

    TextJoiner add(String line) {
        if (line.isEmpty()) {
            return this;
        }
        if (text.length() == 0) {
            text.append(line);
        } else {
            switch (LineEndHyphen.decide(previous, line, evidence)) {
                case JOIN -> {
                    text.setLength(text.length() - 1);
                    text.append(line);
                }
                case KEEP -> text.append(line);
                case KEEP_WITH_SPACE, SPACE -> text.append(' ').append(line);
            }
        }
        previous = line;
        return this;
    }

    String text() {
        String joined = text.toString().replace("\u00AD", "");
        return joined.indexOf("  ") < 0 ? joined.strip() : SPACES.matcher(joined).replaceAll(" ").strip();
    }
}
