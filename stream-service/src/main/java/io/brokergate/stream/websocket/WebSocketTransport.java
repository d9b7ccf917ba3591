package io.brokergate.stream.websocket;

import io.brokergate.stream.fanout.ClientTransport;
import io.brokergate.stream.fanout.Frame;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

/** A websockets-next connection as a hub client. */
final class WebSocketTransport implements ClientTransport {

    /** "Try again later": both reasons the hub closes (too slow, shutting down) ask the client to reconnect. */
    static final int TRY_AGAIN_LATER = 1013;
    static final int POLICY_VIOLATION = 1008;

    private final WebSocketConnection connection;

    WebSocketTransport(WebSocketConnection connection) {
        this.connection = connection;
    }

    @Override
    public CompletionStage<Void> send(Frame frame) {
        return connection.sendText(frame.json()).subscribeAsCompletionStage();
    }

    @Override
    public void close(String reason) {
        close(connection, TRY_AGAIN_LATER, reason);
    }

    @Override
    public String protocol() {
        return "ws";
    }

    static void close(WebSocketConnection connection, int code, String reason) {
        connection.close(new CloseReason(code, fit(reason))).subscribe().with(ok -> { }, failure -> { });
    }

    /** A close frame's reason must fit in 123 bytes of UTF-8. */
    private static String fit(String reason) {
        String r = reason;
        while (r.getBytes(StandardCharsets.UTF_8).length > 123) {
            r = r.substring(0, r.length() - 2);
        }
        return r;
    }
}
