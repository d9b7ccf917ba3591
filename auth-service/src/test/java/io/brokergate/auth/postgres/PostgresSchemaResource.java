package io.brokergate.auth.postgres;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Creates an empty schema for this run on the test PostgreSQL server, points the datasource and
 * Flyway at it, and drops it when the application stops, so every run migrates from scratch.
 */
public class PostgresSchemaResource implements QuarkusTestResourceLifecycleManager {

    private String schema;

    @Override
    public Map<String, String> start() {
        schema = PostgresTestDatabase.createSchema("auth");
        Map<String, String> config = new HashMap<>();
        String url = PostgresTestDatabase.urlWithSchema(schema);
        // Both spellings: the %test entry of application.properties must not win over this one.
        for (String prefix : new String[] {"", "%test."}) {
            config.put(prefix + "quarkus.datasource.jdbc.url", url);
            config.put(prefix + "quarkus.datasource.username", PostgresTestDatabase.user());
            config.put(prefix + "quarkus.datasource.password", PostgresTestDatabase.password());
            config.put(prefix + "quarkus.flyway.schemas", schema);
            config.put(prefix + "quarkus.flyway.default-schema", schema);
        }
        return config;
    }

    @Override
    public void stop() {
        PostgresTestDatabase.dropSchema(schema);
    }
}
