package io.brokergate.api.security.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecuritySettingsTest {

    private static SecuritySettings settings(Map<String, String> properties) {
        // Quarkus's own Duration converter, which reads "30s" as well as ISO-8601.
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().withMapping(SecuritySettings.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
        return config.getConfigMapping(SecuritySettings.class);
    }

    @Test
    void documentedDefaults() {
        SecuritySettings s = settings(Map.of());
        assertEquals("http://localhost:8080", s.issuer());
        assertEquals(Duration.ofSeconds(30), s.clockSkew());
        assertEquals("http://auth-service:8080/oauth/jwks", s.jwksUrl());
        assertEquals(Duration.ofSeconds(30), s.jwksMinRefetchInterval());
        assertEquals(Duration.ofMinutes(5), s.jwksMaxAge());
        assertEquals("http://auth-service:8080/oauth/introspect", s.introspectionUrl());
        assertEquals("brokergate-introspection", s.introspectionClientId());
        assertTrue(s.introspectionSecret().isEmpty());
        assertEquals(Duration.ofSeconds(30), s.introspectionCacheTtl());
        assertEquals(32, s.introspectionMaxInFlight());
        assertEquals(Duration.ofSeconds(5), s.httpTimeout());
    }

    @Test
    void theIssuerFollowsAuthServiceUnlessSetItself() {
        assertEquals("https://login.example", settings(Map.of("brokergate.auth.issuer", "https://login.example")).issuer());
        assertEquals("https://other", settings(Map.of("brokergate.auth.issuer", "https://login.example",
                "brokergate.security.issuer", "https://other")).issuer());
    }
}
