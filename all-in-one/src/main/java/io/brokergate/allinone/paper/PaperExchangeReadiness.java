package io.brokergate.allinone.paper;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the in-process paper exchange is listening (or when it is disabled on purpose). */
@Readiness
@ApplicationScoped
public class PaperExchangeReadiness implements HealthCheck {

    private final PaperExchange paper;
    private final PaperExchangeConfig config;

    public PaperExchangeReadiness(PaperExchange paper, PaperExchangeConfig config) {
        this.paper = paper;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        if (!config.enabled()) {
            return HealthCheckResponse.named("paper-exchange").up().withData("enabled", false).build();
        }
        if (!paper.isRunning()) {
            return HealthCheckResponse.named("paper-exchange").down().build();
        }
        return HealthCheckResponse.named("paper-exchange").up().withData("url", paper.endpoints().get("http")).build();
    }
}
