package io.brokergate.trade.postgres;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test PostgreSQL server of trade-service's PostgreSQL tests, configured and judged as auth-service's
 * ({@code BROKERGATE_TEST_PG_URL} / {@code _USER} / {@code _PASSWORD}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/brokergate_test} as brokergate/brokergate, which {@code .ci/postgres.sh}
 * provides). Without a server the tests fail when PostgreSQL is required (CI=true, the URL set, or
 * BROKERGATE_TEST_PG_REQUIRED=true) and are skipped with the reason otherwise. Each user works in a schema of its own.
 */
public final class TradePostgres {

    private TradePostgres() {
    }

    public static String url() {
        return setting("BROKERGATE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/brokergate_test");
    }

    public static String user() {
        return setting("BROKERGATE_TEST_PG_USER", "brokergate");
    }

    public static String password() {
        return setting("BROKERGATE_TEST_PG_PASSWORD", "brokergate");
    }

    /** Enabled when a server listens; disabled (skip) on a machine without one; an exception where one is required. */
    public static ConditionEvaluationResult availability() {
        if (listening()) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + url());
        }
        boolean required = "true".equalsIgnoreCase(System.getenv("CI")) || System.getenv("BROKERGATE_TEST_PG_URL") != null
                || "true".equalsIgnoreCase(System.getenv("BROKERGATE_TEST_PG_REQUIRED"));
        if (required) {
            throw new IllegalStateException("PostgreSQL is required here (CI=true, BROKERGATE_TEST_PG_URL or"
                    + " BROKERGATE_TEST_PG_REQUIRED) but nothing listens at " + url() + ": run .ci/postgres.sh");
        }
        return ConditionEvaluationResult.disabled("SKIPPED: no PostgreSQL at " + url() + ": trade-service did NOT run on PostgreSQL");
    }

    /** A new, empty schema named {@code bg_test_<purpose>_<random>}. */
    public static String createSchema(String purpose) {
        String schema = "bg_test_" + purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    public static void dropSchema(String schema) {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    public static String urlWithSchema(String schema) {
        String url = url();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Runs a class only where {@link #availability()} allows. */
    public static final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return availability();
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url(), user(), password()); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed at " + url() + ": " + e.getMessage(), e);
        }
    }

    private static boolean listening() {
        try (Socket s = new Socket()) {
            URI uri = URI.create(url().substring("jdbc:".length()));
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort()), 1000);
            return true;
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static String setting(String env, String fallback) {
        String v = System.getenv(env);
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
