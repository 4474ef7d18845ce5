package nl.kamerqa.support.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' JSON logs ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}) carry the trace and span ids of the work a
 * line is about, as the plain pattern does: Boot's ECS formatter writes the MDC that Micrometer Tracing fills.
 */
@ExtendWith(OutputCaptureExtension.class)
class EcsLogTraceIdsTest {

    private static final Logger log = LoggerFactory.getLogger(EcsLogTraceIdsTest.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The tracing the services get from spring-boot-starter-opentelemetry, without the rest of a service. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ObservationAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
            OpenTelemetrySdkAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class})
    static class Tracing {
    }

    @Test
    void aLineLoggedInsideAnObservationHasItsTraceIdAndSpanIdInTheEcsJson(CapturedOutput output) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Tracing.class)
                .web(WebApplicationType.NONE)
                .properties("logging.structured.format.console=ecs", "spring.application.name=ecs-test",
                        "management.tracing.sampling.probability=1.0", "spring.main.banner-mode=off")
                .run()) {
            Observation work = Observation.start("some.work", context.getBean(ObservationRegistry.class));
            TraceContext current;
            try (Observation.Scope ignored = work.openScope()) {
                current = context.getBean(Tracer.class).currentSpan().context();
                log.info("stage=testing inside an observation");
            } finally {
                work.stop();
            }
            log.info("stage=testing outside it");

            JsonNode inside = line(output, "stage=testing inside an observation");
            assertThat(inside.has("traceId") && inside.has("spanId")).as("trace fields in " + inside).isTrue();
            assertThat(inside.get("traceId").asString()).isEqualTo(current.traceId());
            assertThat(inside.get("spanId").asString()).isEqualTo(current.spanId());
            assertThat(inside.get("ecs").get("version").asString()).as("the ECS format").isNotBlank();
            assertThat(line(output, "stage=testing outside it").has("traceId")).as("no trace, no id").isFalse();
        }
    }

    private static JsonNode line(CapturedOutput output, String message) {
        return output.getOut().lines().filter(line -> line.startsWith("{") && line.contains(message))
                .map(JSON::readTree).findFirst().orElseThrow(() -> new AssertionError("no JSON line " + message));
    }
}
