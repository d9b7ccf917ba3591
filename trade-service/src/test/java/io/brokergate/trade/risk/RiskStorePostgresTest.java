package io.brokergate.trade.risk;

/** {@link RiskStoreContract} on PostgreSQL (cluster mode's database), in a schema of its own. */
class RiskStorePostgresTest extends RiskStoreContract {

    @Override
    RiskDatabase open() {
        return RiskDatabase.postgres();
    }
}
