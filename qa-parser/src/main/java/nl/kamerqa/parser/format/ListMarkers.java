package nl.kamerqa.parser.format;

/** Counters of numbered lists printed as Word and OpenDocument print them ("c)", "iv."), for both extractors. */
final class ListMarkers {

    private ListMarkers() {
    }

    /** 1 → "a", 26 → "z", 27 → "aa": the letter repeats past z, as Word and LibreOffice write it. */
    static String letters(int n) {
        char c = (char) ('a' + (Math.max(n, 1) - 1) % 26);
        return String.valueOf(c).repeat((Math.max(n, 1) - 1) / 26 + 1);
    }

    /** Upper-case Roman numerals; a number out of range as digits. */
    static String roman(int n) {
        if (n <= 0 || n >= 4000) {
            return String.valueOf(n);
        }
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder sb = new StringBuilder();
        int rest = n;
        for (int i = 0; i < values.length; i++) {
            while (rest >= values[i]) {
                rest -= values[i];
                sb.append(symbols[i]);
            }
        }
        return sb.toString();
    }

    /** The pandoc plain rendering of a list item: the marker padded to four columns ("1)  text", "-   text"). */
    static String item(String marker, String text) {
        return marker + " ".repeat(Math.max(1, 4 - marker.length())) + text;
    }
}
