package nl.kamerqa.parser.internal;

import java.util.ArrayList;
import java.util.List;

/** What the parser noticed but could not resolve; kept short however hostile the input. */
final class Warnings {

    static final int MAX = 50;

    private final List<String> messages = new ArrayList<>();
    private int dropped;

    void add(String message) {
        if (messages.size() < MAX) {
            messages.add(message);
        } else {
            dropped++;
        }
    }

    /** Whether further messages are only counted: callers in hot loops skip building them. */
    boolean isFull() {
        return messages.size() >= MAX;
    }

    /** Counts a message that was not built because the list is full. */
    void drop() {
        dropped++;
    }

    /** Adds what another list noticed, after these, within the same bound. */
    void addAll(Warnings other) {
        other.messages.forEach(this::add);
        dropped += other.dropped;
    }

    void addFirst(String message) {
        messages.add(0, message);
    }

    List<String> list() {
        List<String> all = new ArrayList<>(messages);
        if (dropped > 0) {
            all.add("and " + dropped + " more warnings");
        }
        return all;
    }
}
