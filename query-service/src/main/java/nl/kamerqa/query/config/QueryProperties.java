package nl.kamerqa.query.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings under {@code kamerqa.query}.
 *
 * @param mongoTimeout upper bound for each MongoDB call, server selection included, so a missing database gives a
 *                     quick 503 or DOWN instead of a request hanging for the driver's 30 s default
 */
@ConfigurationProperties("kamerqa.query")
public record QueryProperties(@DefaultValue("5s") Duration mongoTimeout) {
}
