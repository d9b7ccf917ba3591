package io.brokergate.stream.security;

import io.brokergate.api.security.Scopes;
import io.brokergate.api.security.testing.BearerAuthContract;
import io.brokergate.api.security.testing.FakeAuthServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** api-security's bearer-auth contract, in cluster mode against a fake auth-service. */
@QuarkusTest
@WithTestResource(FakeAuthServerResource.class)
class StreamServiceBearerAuthTest extends BearerAuthContract {

    @Override
    protected String protectedPath() {
        return "/test/stream-probe";
    }

    @Override
    protected String requiredScope() {
        return Scopes.QUOTES_READ;
    }

    @Override
    protected String accountPath(String tenantOfAccount, String accountId) {
        return "/test/stream-probe/accounts/" + tenantOfAccount + "/" + accountId;
    }
}
