package io.brokergate.trade.risk;

import io.brokergate.trade.postgres.TradePostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh "trade" database with trade-service's migrations (db/trade) applied by Flyway, on H2 or
 * on the test PostgreSQL server ({@link TradePostgres}: skipped without one, failing where it is
 * required). PostgreSQL runs in a schema of its own, dropped by {@link #close()}.
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
        ConditionEvaluationResult availability = TradePostgres.availability();
        Assumptions.assumeFalse(availability.isDisabled(), () -> availability.getReason().orElse(""));
        String schema = TradePostgres.createSchema("risk");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(TradePostgres.urlWithSchema(schema));
        ds.setUser(TradePostgres.user());
        ds.setPassword(TradePostgres.password());
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
}
