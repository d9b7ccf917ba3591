package io.brokergate.trade.postgres;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * trade-service on PostgreSQL, as in cluster mode: the "trade" datasource's db-kind (build time, so Quarkus augments
 * the application once more for this profile) and a fresh schema that Flyway migrates at start and that is dropped
 * when the application stops. Use with {@code @ExtendWith(TradePostgres.Condition.class)}.
 */
public class PostgresTradeProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.trade.db-kind", "postgresql", "%test.quarkus.datasource.trade.db-kind", "postgresql");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Schema.class));
    }

    /** The run's schema: the datasource and Flyway pointed at it. */
    public static class Schema implements QuarkusTestResourceLifecycleManager {
        private String schema;

        @Override
        public Map<String, String> start() {
            schema = TradePostgres.createSchema("trade");
            Map<String, String> config = new HashMap<>();
            // Both spellings: the %test entries of application.properties must not win over these.
            for (String prefix : new String[] {"", "%test."}) {
                config.put(prefix + "quarkus.datasource.trade.jdbc.url", TradePostgres.urlWithSchema(schema));
                config.put(prefix + "quarkus.datasource.trade.username", TradePostgres.user());
                config.put(prefix + "quarkus.datasource.trade.password", TradePostgres.password());
                config.put(prefix + "quarkus.flyway.trade.schemas", schema);
                config.put(prefix + "quarkus.flyway.trade.default-schema", schema);
            }
            return config;
        }

        @Override
        public void stop() {
            if (schema != null) {
                TradePostgres.dropSchema(schema);
            }
        }
    }
}
