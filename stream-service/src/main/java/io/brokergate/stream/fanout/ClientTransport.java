package io.brokergate.stream.fanout;

import java.util.concurrent.CompletionStage;

/** How the hub reaches one client, whatever the protocol. Implementations never block. */
public interface ClientTransport {

    /** Completes once the frame is handed to the network, so a client that does not read stalls it. */
    CompletionStage<Void> send(Frame frame);

    /** Closes the connection telling the client why; the transport then reports the close to the hub. */
    void close(String reason);

    /** {@code ws} or {@code sse}, for metrics. */
    String protocol();
}
