package nl.kamerqa.localstack.faults;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

/**
 * Fault 1: the Kafka broker (in the test JVM) is shut down in a controlled way while 200 documents are being uploaded,
 * and started again on the same port and log directory ({@link BrokerOutage}).
 */
@Tag("faults")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class BrokerRestartFaultTest {

    @Test
    void brokerRestartWhileIngestingLosesNoDocumentAndStoresNoneTwice() throws Exception {
        BrokerOutage.run("broker-restart", FaultStack.BrokerMode.IN_PROCESS, stack -> stack.broker.stop());
    }
}
