package nl.kamerqa.parsing;

import java.time.Instant;

/**
 * One entry of the dead-letter topic, as an operator needs to see it before deciding to re-drive it.
 *
 * @param key               the record key (the documentId), null when the record had none
 * @param partition         dead-letter topic partition of this entry
 * @param offset            dead-letter topic offset of this entry
 * @param deadLetteredAt    when it was written to the dead-letter topic
 * @param originalTopic     where the record was consumed from
 * @param originalPartition its partition there
 * @param originalOffset    its offset there
 * @param exceptionClass    what failed (the listener's own exception, not the container's wrapper)
 * @param message           the exception message
 * @param reason            the one-line {@code kamerqa_dlt_reason} header
 * @param redrivenFrom      for a record that failed again after a re-drive: the entry it was re-driven from
 * @param redriven          whether the re-drive consumer group has already re-driven this entry
 * @param valueOmitted      null, or why this entry holds no value and where the raw record is (it was too large
 *                          for the dead-letter topic; a re-drive reads it from there)
 */
public record DeadLetter(String key, int partition, long offset, Instant deadLetteredAt,
                         String originalTopic, Integer originalPartition, Long originalOffset,
                         String exceptionClass, String message, String reason, String redrivenFrom,
                         boolean redriven, String valueOmitted) {
}
