/**
 * The events the services exchange (RawDocument, ParsedDocument), their topic names, CloudEvents header names and
 * the genres: records without behaviour, so any consumer (a service, the parser, a subscriber's code) can read them.
 */
module nl.kamerqa.contracts {
    // only for @JsonInclude on the records; a consumer without Jackson still loads them
    requires static com.fasterxml.jackson.annotation;

    exports nl.kamerqa.contracts;
}
