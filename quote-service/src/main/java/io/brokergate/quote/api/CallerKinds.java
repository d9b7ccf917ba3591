package io.brokergate.quote.api;

import io.brokergate.api.security.Caller;
import io.brokergate.api.security.CredentialKind;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;

/**
 * TradingView's server-to-server token (JWT-bearer grant, {@code bg_kind=server}) is accepted by the
 * data-integration endpoints only ({@code /tv/symbol_info}, {@code /tv/history}, {@code /tv/groups});
 * everything a user or a bot calls wants a user, client or API-key credential.
 */
public final class CallerKinds {

    private CallerKinds() {
    }

    public static Caller requireNotServer(Caller caller) {
        if (caller.kind() == CredentialKind.SERVER) {
            throw new GatewayException(ErrorCode.FORBIDDEN,
                    "a server-to-server token is accepted only by TradingView's data-integration endpoints");
        }
        return caller;
    }
}
