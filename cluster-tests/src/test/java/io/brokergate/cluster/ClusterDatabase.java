package io.brokergate.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The cluster's PostgreSQL: the test server (BROKERGATE_TEST_PG_URL / _USER / _PASSWORD, default
 * jdbc:postgresql://127.0.0.1:5432/brokergate_test as brokergate/brokergate; .ci/postgres.sh starts
 * it), auth-service and trade-service each in a schema of this run, dropped at the end.
 */
final class ClusterDatabase implements AutoCloseable {

    private final String url = env("BROKERGATE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/brokergate_test");
    private final String user = env("BROKERGATE_TEST_PG_USER", "brokergate");
    private final String password = env("BROKERGATE_TEST_PG_PASSWORD", "brokergate");
    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String authSchema = "bg_cluster_auth_" + run;
    private final String tradeSchema = "bg_cluster_trade_" + run;

    private ClusterDatabase() {
        execute("CREATE SCHEMA " + authSchema, "CREATE SCHEMA " + tradeSchema);
    }

    static ClusterDatabase create() {
        return new ClusterDatabase();
    }

    Map<String, String> authSettings() {
        Map<String, String> s = new HashMap<>();
        s.put("quarkus.datasource.jdbc.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + authSchema);
        s.put("quarkus.datasource.username", user);
        s.put("quarkus.datasource.password", password);
        return s;
    }

    Map<String, String> tradeSettings() {
        Map<String, String> s = new HashMap<>();
        s.put("quarkus.datasource.trade.jdbc.url", url);
        s.put("quarkus.datasource.trade.username", user);
        s.put("quarkus.datasource.trade.password", password);
        s.put("brokergate.trade.database-schema", tradeSchema);
        return s;
    }

    private void execute(String... statements) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " is required (start it with .ci/postgres.sh): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        execute("DROP SCHEMA IF EXISTS " + authSchema + " CASCADE", "DROP SCHEMA IF EXISTS " + tradeSchema + " CASCADE");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
