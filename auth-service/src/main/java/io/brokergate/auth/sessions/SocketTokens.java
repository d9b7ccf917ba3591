package io.brokergate.auth.sessions;

import io.brokergate.auth.connections.BrokerConnectionStore;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.spi.BrokerCredentials;
import io.brokergate.longport.rest.SocketTokenJson;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

/** LongPort socket one-time passwords on demand, signed with a connection's stored credentials. */
@ApplicationScoped
public class SocketTokens {

    static final String PATH = "/v1/socket/token";

    private final BrokerConnectionStore connections;
    private final LongPortCalls calls;

    public SocketTokens(BrokerConnectionStore connections, LongPortCalls calls) {
        this.connections = connections;
        this.calls = calls;
    }

    /**
     * Non-blocking: the credentials are decrypted on a worker, the call goes out on Vert.x.
     *
     * @return fails with NOT_FOUND for an unknown connection, INVALID_REQUEST for a broker that does
     *         not speak LongPort, or the mapped LongPort failure
     */
    public Uni<SocketToken> fetch(String connectionId) {
        return Uni.createFrom().item(() -> credentials(connectionId))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(c -> Uni.createFrom().completionStage(() -> calls.get(c, PATH, null, SocketTokenJson.class)))
                .map(t -> {
                    if (t.otp() == null || t.otp().isBlank()) {
                        throw new GatewayException(ErrorCode.BROKER_REJECTED, "LongPort issued no socket token");
                    }
                    return new SocketToken(t.otp(), t.limit(), t.online());
                });
    }

    private BrokerCredentials credentials(String connectionId) {
        BrokerCredentials c = connections.credentials(connectionId)
                .orElseThrow(() -> GatewayException.notFound("no such broker connection"));
        if (!LongPortCalls.speaksLongPort(c.broker())) {
            throw GatewayException.invalid("socket tokens exist only for LongPort and paper connections");
        }
        return c;
    }
}
