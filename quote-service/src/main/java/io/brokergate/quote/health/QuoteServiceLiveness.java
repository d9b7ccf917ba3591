package io.brokergate.quote.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Reports that quote-service's beans are deployed; appears by name in the all-in-one health report. */
@Liveness
@ApplicationScoped
public class QuoteServiceLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("quote-service").up().build();
    }
}
