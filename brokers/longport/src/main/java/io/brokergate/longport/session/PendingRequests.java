package io.brokergate.longport.session;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.longport.mapping.BrokerErrors;
import io.brokergate.longport.proto.Error;
import io.brokergate.longport.wire.Packet;
import io.brokergate.longport.wire.Packets;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Requests of one socket connection awaiting their response, by request id, each with its own
 * timeout. Request ids restart at 1 on every connection, as the SDK's do. Confined to the socket's
 * event loop.
 */
final class PendingRequests {

    private record Pending(CompletableFuture<Packet.Response> result, long timer, int cmd) {
    }

    private final Vertx vertx;
    private final String socket;
    private final Map<Long, Pending> byId = new HashMap<>();
    private long lastId;

    PendingRequests(Vertx vertx, String socket) {
        this.vertx = vertx;
        this.socket = socket;
    }

    /** A new connection: ids start over (callers fail what was pending first). */
    void restartIds() {
        lastId = 0;
    }

    /** Allocates the next u32 id and arms its timeout. */
    long register(int cmd, long timeoutMillis, CompletableFuture<Packet.Response> result) {
        lastId = lastId >= Packet.MAX_REQUEST_ID ? 1 : lastId + 1;
        long id = lastId;
        long timer = vertx.setTimer(timeoutMillis, t -> timedOut(id, timeoutMillis));
        byId.put(id, new Pending(result, timer, cmd));
        return id;
    }

    /** A response arrived: success, or the mapped broker error. Late answers are dropped. */
    void complete(Packet.Response r) {
        Pending p = byId.remove(r.requestId());
        if (p == null) {
            return;
        }
        vertx.cancelTimer(p.timer());
        if (r.isSuccess()) {
            p.result().complete(r);
        } else {
            Error e = Packets.errorOf(r);
            p.result().completeExceptionally(BrokerErrors.socket(socket, r.status(), e.getCode(), e.getMsg()));
        }
    }

    void fail(long id, GatewayException error) {
        Pending p = byId.remove(id);
        if (p != null) {
            vertx.cancelTimer(p.timer());
            p.result().completeExceptionally(error);
        }
    }

    void failAll(GatewayException error) {
        if (byId.isEmpty()) {
            return;
        }
        List<Pending> all = new ArrayList<>(byId.values());
        byId.clear();
        for (Pending p : all) {
            vertx.cancelTimer(p.timer());
            p.result().completeExceptionally(error);
        }
    }

    private void timedOut(long id, long timeoutMillis) {
        Pending p = byId.remove(id);
        if (p != null) {
            p.result().completeExceptionally(new GatewayException(ErrorCode.BROKER_UNAVAILABLE,
                    "LongPort " + socket + " socket: no answer to cmd " + p.cmd() + " within " + timeoutMillis + " ms"));
        }
    }
}
