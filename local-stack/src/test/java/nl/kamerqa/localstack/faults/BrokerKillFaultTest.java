package nl.kamerqa.localstack.faults;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

/**
 * Fault 1b: the Kafka broker, in a process of its own, is killed with SIGKILL while 200 documents are being uploaded
 * (no controlled shutdown: nothing flushed, no leader handover, producers and consumers just lose the connection),
 * then started again on the same port and log directory, where it recovers its log ({@link BrokerOutage}). A record
 * the broker wrote but could not acknowledge before it died is published again by the retried upload: the figures
 * count those raw duplicates ({@code raw-duplicates}); they must not end up stored twice.
 */
@Tag("faults")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class BrokerKillFaultTest {

    @Test
    void brokerKilledWhileIngestingLosesNoDocumentAndStoresNoneTwice() throws Exception {
        BrokerOutage.run("broker-kill", FaultStack.BrokerMode.CHILD_PROCESS, stack -> stack.brokerProcess().kill());
    }
}
