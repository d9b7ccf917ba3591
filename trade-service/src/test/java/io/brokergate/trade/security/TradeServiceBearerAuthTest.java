package io.brokergate.trade.security;

import io.brokergate.api.security.Scopes;
import io.brokergate.api.security.testing.BearerAuthContract;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** api-security's bearer-auth contract on {@code GET /v1/session}, in cluster mode against a fake auth-service. */
@QuarkusTest
@WithTestResource(FakeAuthServerResource.class)
class TradeServiceBearerAuthTest extends BearerAuthContract {

    @Override
    protected String protectedPath() {
        return "/v1/session";
    }

    @Override
    protected String requiredScope() {
        return Scopes.ACCOUNTS_READ;
    }

    @Override
    protected String accountPath(String tenantOfAccount, String accountId) {
        return "/test/trade-probe/accounts/" + tenantOfAccount + "/" + accountId;
    }
}
