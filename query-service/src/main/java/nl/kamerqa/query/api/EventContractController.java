package nl.kamerqa.query.api;

import nl.kamerqa.contracts.ContractFiles;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The topics' contract for subscribers, public like the other reads: the AsyncAPI document at {@code /asyncapi.yaml}
 * and the JSON Schemas it references at {@code /schemas/...}, so its relative {@code $ref}s resolve against this
 * server. The files come from event-contracts unchanged.
 */
@RestController
public class EventContractController {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");
    static final MediaType JSON_SCHEMA = MediaType.parseMediaType("application/schema+json");

    @GetMapping("/" + ContractFiles.ASYNCAPI)
    public ResponseEntity<byte[]> asyncApi() {
        return ResponseEntity.ok().contentType(YAML).body(ContractFiles.read(ContractFiles.ASYNCAPI));
    }

    @GetMapping("/schemas/{file}")
    public ResponseEntity<byte[]> schema(@PathVariable String file) {
        String name = "schemas/" + file;
        if (!ContractFiles.ALL.contains(name)) {
            throw new NotFoundException("no schema " + file + "; the AsyncAPI document at /asyncapi.yaml names them");
        }
        return ResponseEntity.ok().contentType(JSON_SCHEMA).body(ContractFiles.read(name));
    }
}
