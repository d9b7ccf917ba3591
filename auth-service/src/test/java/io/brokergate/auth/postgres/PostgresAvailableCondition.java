package io.brokergate.auth.postgres;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.jboss.logging.Logger;

/**
 * Decides, before a {@link RequiresPostgres} class starts (and before Quarkus boots for it), whether
 * the PostgreSQL tests run, fail or are skipped:
 * <ul>
 *   <li>something listens at {@code BROKERGATE_TEST_PG_URL}'s host:port (default 127.0.0.1:5432): run;</li>
 *   <li>nothing listens and PostgreSQL is required (CI=true, BROKERGATE_TEST_PG_URL set, or
 *       BROKERGATE_TEST_PG_REQUIRED=true): fail, naming what to do;</li>
 *   <li>nothing listens on a developer machine: skip, with the reason in the report and a banner on stderr.</li>
 * </ul>
 * Never a silent pass.
 */
public class PostgresAvailableCondition implements ExecutionCondition {

    private static final Logger LOG = Logger.getLogger(PostgresAvailableCondition.class);

    private static volatile boolean bannerShown;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (PostgresTestDatabase.listening()) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + PostgresTestDatabase.url());
        }
        String where = PostgresTestDatabase.url();
        if (PostgresTestDatabase.required()) {
            throw new IllegalStateException("PostgreSQL is required (" + PostgresTestDatabase.requiredBecause()
                    + ") but nothing listens at " + where + ". .ci/run starts it with .ci/postgres.sh;"
                    + " run that script, or set BROKERGATE_TEST_PG_URL/_USER/_PASSWORD to a reachable server.");
        }
        String reason = "SKIPPED: no PostgreSQL at " + where + " (BROKERGATE_TEST_PG_URL unset): the PostgreSQL"
                + " migration and store tests did NOT run. Start one with .ci/postgres.sh (or set"
                + " BROKERGATE_TEST_PG_URL); with CI=true this is a failure.";
        if (!bannerShown) {
            bannerShown = true;
            LOG.warn("\n" + "!".repeat(100) + "\n!! " + reason + "\n" + "!".repeat(100));
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
