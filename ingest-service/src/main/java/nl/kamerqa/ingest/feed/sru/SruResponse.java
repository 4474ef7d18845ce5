package nl.kamerqa.ingest.feed.sru;

import java.util.List;

/**
 * One page of a searchRetrieve answer.
 *
 * @param numberOfRecords      how many records the query matches in all, by the server's count
 * @param records              the records of this page, as many as the server sent (whatever the count says)
 * @param nextRecordPosition   where the next page starts, when the server says so (else null: no more records)
 * @param resultCountPrecision how exact {@code numberOfRecords} is: "exact", "estimate" (repository.overheid.nl
 *                             always says estimate), ... ; null when the server does not say
 */
public record SruResponse(int numberOfRecords, List<SruRecord> records, Integer nextRecordPosition,
                          String resultCountPrecision) {

    public SruResponse {
        records = List.copyOf(records);
    }
}
