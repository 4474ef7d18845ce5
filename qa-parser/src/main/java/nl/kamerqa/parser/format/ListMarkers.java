package nl.kamerqa.parser.format;

import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/** Counters of numbered lists printed as Word and OpenDocument print them ("c)", "iv."), for the extractors. */
final class ListMarkers {

    /** Word's list levels: 0 to 8. */
    static final int LEVELS = 9;

    private ListMarkers() {
    }

    /** Word's last letter number: 780 is "z" thirty times. */
    private static final int MAX_LETTERS = 780;

    /**
     * 1 → "a", 26 → "z", 27 → "aa": the letter repeats past z, as Word and LibreOffice write it; past 780 as digits,
     * so a list that claims to start at two billion cannot print a letter two billion / 26 times.
     */
    static String letters(int n) {
        if (n > MAX_LETTERS) {
            return String.valueOf(n);
        }
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

    /** {@code n} in a Word number format ({@code w:numFmt}: "lowerLetter", "upperRoman", ...); others as digits. */
    static String number(int n, String numFmt) {
        if (numFmt == null) {
            return String.valueOf(n);
        }
        return switch (numFmt) {
            case "lowerLetter" -> letters(n);
            case "upperLetter" -> letters(n).toUpperCase();
            case "lowerRoman" -> roman(n).toLowerCase();
            case "upperRoman" -> roman(n);
            default -> String.valueOf(n);
        };
    }

    /**
     * A Word list item's marker: its level text ("%1.%2)") with each "%N" replaced by level N's count in that level's
     * format; null when nothing is left to print.
     */
    static String marker(String levelText, Counters counters, IntFunction<String> formatOfLevel) {
        StringBuilder marker = new StringBuilder();
        for (int i = 0; i < levelText.length(); i++) {
            char c = levelText.charAt(i);
            if (c == '%' && i + 1 < levelText.length() && Character.isDigit(levelText.charAt(i + 1))) {
                int level = levelText.charAt(++i) - '1';
                if (level >= 0 && level < LEVELS) {
                    marker.append(number(counters.at(level), formatOfLevel.apply(level)));
                }
            } else {
                marker.append(c);
            }
        }
        String result = marker.toString().strip();
        return result.isEmpty() ? null : result;
    }

    /** The counts of one Word list: an item counts its level up and starts every level below it again. */
    static final class Counters {
        private final int[] counts = new int[LEVELS];
        private final IntUnaryOperator start;

        /** {@code start} gives each level's first number. */
        Counters(IntUnaryOperator start) {
            this.start = start;
            for (int level = 0; level < LEVELS; level++) {
                counts[level] = start.applyAsInt(level) - 1;
            }
        }

        /** Counts an item at {@code level} (0 to 8). */
        void count(int level) {
            counts[level]++;
            for (int l = level + 1; l < LEVELS; l++) {
                counts[l] = start.applyAsInt(l) - 1;
            }
        }

        /** The number {@code level} prints now (at least 1: a level named before it was counted prints 1). */
        int at(int level) {
            return Math.max(counts[level], 1);
        }
    }
}
