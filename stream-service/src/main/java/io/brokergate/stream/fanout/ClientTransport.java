package io.brokergate.stream.fanout;

import io.vertx.core.Context;

/** How the hub reaches one client, whatever the protocol. Implementations never block. */
public interface ClientTransport {

    /** Told when a frame has been handed to the network (failure null) or could not be. */
    @FunctionalInterface
    interface Sent {
        void sent(Throwable failure);
    }

    /**
     * Writes the frame and calls {@code done} once it is written, so a client that does not read
     * stalls its outbox. {@code done} may run on any thread, also before this method returns. A
     * callback rather than a future: this runs once per message and client, the hottest path there is.
     */
    void send(Frame frame, Sent done);

    /** Closes the connection telling the client why; the transport then reports the close to the hub. */
    void close(String reason);

    /** {@code ws}, {@code sse}, … for metrics. */
    String protocol();

    /**
     * The event loop this connection writes on, where the hub hands it market data (one task per
     * event loop and message, writes without a thread hop); null to be called on any thread.
     */
    default Context eventLoop() {
        return null;
    }
}
