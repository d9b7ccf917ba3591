package io.brokergate.stream.upstream;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports every owned account's socket state. It stays UP when a broker is down: one tenant's
 * broker outage must not take the pod (and every other tenant's streams) out of the load balancer.
 */
@Readiness
@ApplicationScoped
public class UpstreamReadiness implements HealthCheck {

    private final UpstreamSessions sessions;

    public UpstreamReadiness(UpstreamSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("upstream-sessions").up();
        for (UpstreamStatus s : sessions.statuses()) {
            b.withData(s.broker() + ":" + s.brokerAccountNo(),
                    s.phase().name().toLowerCase(java.util.Locale.ROOT) + (s.detail() == null || s.isLive() ? "" : " - " + s.detail()));
        }
        return b.build();
    }
}
