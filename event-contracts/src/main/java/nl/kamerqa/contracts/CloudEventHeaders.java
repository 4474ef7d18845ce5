package nl.kamerqa.contracts;

/** CloudEvents Kafka binding header names (binary mode) carried by every event, so consumers can route and deduplicate. */
public final class CloudEventHeaders {
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** The Kafka binding carries {@code datacontenttype} as the {@code content-type} header. */
    public static final String CONTENT_TYPE = "content-type";

    public static final String TYPE_RAW = "nl.kamerqa.document.raw";
    public static final String TYPE_PARSED = "nl.kamerqa.document.parsed";

    private CloudEventHeaders() {
    }
}
