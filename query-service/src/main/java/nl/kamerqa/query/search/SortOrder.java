package nl.kamerqa.query.search;

import java.util.Optional;

/** Result order; every order ends with documentId and question order, so a cursor names one exact position. */
public enum SortOrder {
    RELEVANCE("relevance"), DATE("date"), NEWEST_FIRST("-date");

    private final String parameter;

    SortOrder(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public static Optional<SortOrder> ofParameter(String value) {
        for (SortOrder order : values()) {
            if (order.parameter.equals(value)) {
                return Optional.of(order);
            }
        }
        return Optional.empty();
    }
}
