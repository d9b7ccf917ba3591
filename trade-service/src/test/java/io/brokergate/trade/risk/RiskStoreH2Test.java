package io.brokergate.trade.risk;

/** {@link RiskStoreContract} on H2 (all-in-one's database). */
class RiskStoreH2Test extends RiskStoreContract {

    @Override
    RiskDatabase open() {
        return RiskDatabase.h2();
    }
}
