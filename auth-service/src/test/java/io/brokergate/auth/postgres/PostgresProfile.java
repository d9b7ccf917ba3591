package io.brokergate.auth.postgres;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * auth-service on PostgreSQL, as in cluster mode: {@code quarkus.datasource.db-kind=postgresql} (a
 * build-time property, so Quarkus augments the application a second time for this profile) and a
 * fresh schema on the test server ({@link PostgresSchemaResource}) that Flyway migrates at start.
 * Use it together with {@link RequiresPostgres}.
 */
public class PostgresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.db-kind", "postgresql");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresSchemaResource.class));
    }
}
