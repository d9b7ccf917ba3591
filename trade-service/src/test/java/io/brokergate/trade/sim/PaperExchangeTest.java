package io.brokergate.trade.sim;

import io.brokergate.api.security.testing.FakeAuthServer;
import io.brokergate.api.security.testing.InjectFakeAuthServer;
import io.brokergate.api.security.testing.TestKeys;
import io.brokergate.sim.admin.SimAdminClient;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test that trades on the in-process paper exchange ({@link SimTradingAccounts}) with tokens the
 * fake auth-service signs: its keys are published and 700.HK stands at 640 before and after each
 * test, so price moves of one test never leak into the next.
 */
public abstract class PaperExchangeTest {

    public static final String PRICE = "640";

    @InjectFakeAuthServer
    protected FakeAuthServer authServer;
    @Inject
    protected SimTradingAccounts sim;
    protected SimAdminClient admin;

    @BeforeEach
    void paperExchange() {
        authServer.publish(Map.of(TestKeys.SIGNING_KID, TestKeys.SIGNING.getPublic()));
        admin = new SimAdminClient(sim.sim().httpUrl());
        admin.movePrice("700.HK", PRICE);
    }

    @AfterEach
    void restorePrice() {
        admin.movePrice("700.HK", PRICE);
    }
}
