package nl.kamerqa.ingest.feed.sru;

import java.util.List;

/**
 * One page of a searchRetrieve answer.
 *
 * @param numberOfRecords    how many records the query matches in all
 * @param nextRecordPosition where the next page starts, when the server says so (else null)
 */
public record SruResponse(int numberOfRecords, List<SruRecord> records, Integer nextRecordPosition) {

    public SruResponse {
        records = List.copyOf(records);
    }
}
