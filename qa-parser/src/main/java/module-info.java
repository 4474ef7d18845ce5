/**
 * The parser as a library: {@link nl.kamerqa.parser.QaParser} (built once, thread-safe), the format sniffer and the
 * parser's own names are the API; everything else (format readers, the text route, the rules, the typed lines, the
 * CLI) is internal and may change in any release. Callers on the class path (the Spring Boot services) see the same
 * boundary through ArchUnit rules (local-stack's ServiceKitTest).
 */
module nl.kamerqa.parser {
    requires transitive nl.kamerqa.contracts;
    requires java.xml;
    requires org.apache.pdfbox;
    requires org.apache.poi.poi;
    requires org.apache.poi.ooxml;
    requires org.apache.poi.scratchpad;
    requires org.jsoup;
    // the CLI writes JSON; the library itself never touches Jackson (ArchitectureTest)
    requires tools.jackson.databind;

    exports nl.kamerqa.parser;
}
