package nl.kamerqa.query.search;

/**
 * How long a ministry took to answer Kamervragen: days from submission (ingezonden) to answer (ontvangen).
 *
 * @param answered sets of Kamervragen answered with both dates printed
 */
public record AnswerTime(String ministry, long answered, long medianDays, long p90Days, long maxDays) {
}
