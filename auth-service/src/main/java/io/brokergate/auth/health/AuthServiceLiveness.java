package io.brokergate.auth.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Reports that auth-service's beans are deployed; readiness comes from the datasource check. */
@Liveness
@ApplicationScoped
public class AuthServiceLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("auth-service").up().build();
    }
}
