package nl.kamerqa.ingest.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.time.Duration;

/**
 * Settings under {@code kamerqa.*} that ingest-service reads.
 *
 * @param topics names and shape of the topics this service declares
 * @param ingest limits and timeouts of the intake
 */
@ConfigurationProperties("kamerqa")
public record KamerqaProperties(@DefaultValue Topics topics, @DefaultValue Ingest ingest) {

    /**
     * @param raw        topic RawDocument events go to
     * @param deadLetter topic for raw records the parser could not handle (declared here so it exists early)
     * @param partitions partitions of the declared topics
     * @param replicas   replication factor of the declared topics
     */
    public record Topics(@DefaultValue(nl.kamerqa.contracts.Topics.RAW) String raw,
                         @DefaultValue(nl.kamerqa.contracts.Topics.RAW_DLT) String deadLetter,
                         @DefaultValue("3") int partitions,
                         @DefaultValue("1") short replicas) {

        public Topics {
            if (partitions < 1 || replicas < 1) {
                throw new IllegalArgumentException("kamerqa.topics.partitions and replicas must be at least 1");
            }
        }
    }

    /**
     * @param maxDocumentSize largest document accepted; Kafka record and multipart limits are derived from it
     * @param publishTimeout  how long an upload waits for the broker's acknowledgement before answering 503
     * @param retryAfter      what a 503 tells the client to wait before trying again
     * @param storeTimeout    how long a MongoDB call may wait for a server (unless the URI says otherwise)
     * @param queryBaseUrl    base URL of query-service, used for the Location hint of an accepted document
     * @param batch           limits of the batch upload ({@code POST /api/documents/batch})
     */
    public record Ingest(@DefaultValue("50MB") DataSize maxDocumentSize,
                         @DefaultValue("20s") Duration publishTimeout,
                         @DefaultValue("30s") Duration retryAfter,
                         @DefaultValue("5s") Duration storeTimeout,
                         @DefaultValue("http://localhost:8083") URI queryBaseUrl,
                         @DefaultValue Batch batch) {

        /** Base64 in a Kafka record of at most 2 GB: a larger document could never be published. */
        static final DataSize LARGEST_SUPPORTED = DataSize.ofGigabytes(1);

        public Ingest {
            if (maxDocumentSize.toBytes() < 1 || maxDocumentSize.compareTo(LARGEST_SUPPORTED) > 0) {
                throw new IllegalArgumentException("kamerqa.ingest.max-document-size must be between 1B and "
                        + LARGEST_SUPPORTED + ", was " + maxDocumentSize);
            }
            requirePositive(publishTimeout, "publish-timeout");
            requirePositive(retryAfter, "retry-after");
            requirePositive(storeTimeout, "store-timeout");
        }

        private static void requirePositive(Duration d, String name) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("kamerqa.ingest." + name + " must be positive, was " + d);
            }
        }
    }

    /**
     * The batch upload holds all its parts in memory while it publishes them, so its size is bounded as a whole;
     * each part is still bounded by {@code max-document-size}.
     *
     * @param maxParts    most documents in one batch
     * @param maxSize     most bytes of all documents of one batch together
     * @param concurrency documents published at the same time, over all batches of this instance
     */
    public record Batch(@DefaultValue("100") int maxParts,
                        @DefaultValue("64MB") DataSize maxSize,
                        @DefaultValue("16") int concurrency) {

        public Batch {
            if (maxParts < 1 || concurrency < 1) {
                throw new IllegalArgumentException(
                        "kamerqa.ingest.batch.max-parts and concurrency must be at least 1");
            }
            if (maxSize.toBytes() < 1 || maxSize.compareTo(Ingest.LARGEST_SUPPORTED) > 0) {
                throw new IllegalArgumentException("kamerqa.ingest.batch.max-size must be between 1B and "
                        + Ingest.LARGEST_SUPPORTED + ", was " + maxSize);
            }
        }
    }
}
