package io.brokergate.trade.risk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh "trade" database with trade-service's migrations (db/trade) applied by Flyway, on H2 or
 * on the test PostgreSQL server (BROKERGATE_TEST_PG_URL / _USER / _PASSWORD, default
 * jdbc:postgresql://127.0.0.1:5432/brokergate_test as brokergate/brokergate; see auth-service's
 * postgres tests). PostgreSQL runs in a schema of its own, dropped by {@link #close()}. Without a
 * server the PostgreSQL tests are skipped with the reason, unless CI=true or the URL was set
 * explicitly: then they fail.
 */
final class RiskDatabase implements AutoCloseable {

    private final DataSource dataSource;
    private final String schema;

    private RiskDatabase(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/trade").load().migrate();
    }

    static RiskDatabase h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:risk-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new RiskDatabase(ds, null);
    }

    static RiskDatabase postgres() {
        String url = setting("BROKERGATE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/brokergate_test");
        boolean required = "true".equalsIgnoreCase(System.getenv("CI")) || System.getenv("BROKERGATE_TEST_PG_URL") != null
                || "true".equalsIgnoreCase(System.getenv("BROKERGATE_TEST_PG_REQUIRED"));
        if (!listening(url)) {
            if (required) {
                throw new IllegalStateException("PostgreSQL is required here but nothing listens at " + url);
            }
            Assumptions.abort("SKIPPED: no PostgreSQL at " + url + ": the risk store did NOT run on PostgreSQL");
        }
        String user = setting("BROKERGATE_TEST_PG_USER", "brokergate");
        String password = setting("BROKERGATE_TEST_PG_PASSWORD", "brokergate");
        String schema = "bg_test_risk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " at " + url + ": " + e.getMessage(), e);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        ds.setUser(user);
        ds.setPassword(password);
        return new RiskDatabase(ds, schema);
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(schema == null ? "SHUTDOWN" : "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static boolean listening(String jdbcUrl) {
        try (Socket s = new Socket()) {
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
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
