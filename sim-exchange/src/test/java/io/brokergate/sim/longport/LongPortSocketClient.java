package io.brokergate.sim.longport;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import io.brokergate.longport.proto.Close;
import io.brokergate.longport.wire.Packet;
import io.brokergate.longport.wire.PacketCodec;
import io.brokergate.longport.wire.Packets;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** A minimal LongPort socket client over a Vert.x WebSocket, for tests: request/response and pushes. */
public final class LongPortSocketClient implements AutoCloseable {

    private final WebSocket ws;
    private final BlockingQueue<Packet.Response> responses = new LinkedBlockingQueue<>();
    private final BlockingQueue<Packet.Push> pushes = new LinkedBlockingQueue<>();
    private final java.util.Map<Long, Packet.Response> stashed = new java.util.concurrent.ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicLong nextRequestId = new AtomicLong(1);
    private final AtomicInteger pings = new AtomicInteger();
    private final AtomicInteger textFrames = new AtomicInteger();
    private volatile Close close;

    private final WebSocketClient http;

    private LongPortSocketClient(WebSocket ws, WebSocketClient http) {
        this.ws = ws;
        this.http = http;
        ws.binaryMessageHandler(this::onFrame);
        ws.textMessageHandler(t -> textFrames.incrementAndGet());
        ws.frameHandler(f -> {
            if (f.type() == io.vertx.core.http.WebSocketFrameType.PING) {
                pings.incrementAndGet();
            }
        });
        ws.closeHandler(v -> closed.countDown());
    }

    /** Connects to {@code url} as given (add the handshake query yourself to test bad ones). */
    public static LongPortSocketClient connectRaw(Vertx vertx, String url) {
        URI uri = URI.create(url);
        WebSocketConnectOptions o = new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort())
                .setURI(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        WebSocketClient client = vertx.createWebSocketClient();
        try {
            // Handlers are set before the handshake, so that not even a Close the server sends at once slips past them.
            ClientWebSocket ws = client.webSocket();
            LongPortSocketClient socket = new LongPortSocketClient(ws, client);
            ws.connect(o).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            return socket;
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect to " + url + ": " + e, e);
        }
    }

    /** Connects with the SDK's handshake {@code version=1&codec=1&platform=9}. */
    public static LongPortSocketClient connect(Vertx vertx, String url) {
        return connectRaw(vertx, url + "?version=1&codec=1&platform=9");
    }

    private void onFrame(Buffer b) {
        Packet p = PacketCodec.decode(b);
        if (p instanceof Packet.Response r) {
            responses.add(r);
        } else if (p instanceof Packet.Push push) {
            if (push.cmd() == 0) {
                try {
                    close = Close.parseFrom(push.body());
                } catch (InvalidProtocolBufferException e) {
                    throw new IllegalStateException(e);
                }
            }
            pushes.add(push);
        }
    }

    public long send(int cmd, MessageLite body) {
        long id = nextRequestId.getAndIncrement();
        sendRaw(PacketCodec.encode(Packets.request(cmd, id, Packets.DEFAULT_TIMEOUT_MS, body)));
        return id;
    }

    public void sendRaw(byte[] frame) {
        ws.writeBinaryMessage(Buffer.buffer(frame));
    }

    public Packet.Response request(int cmd, MessageLite body) {
        return response(send(cmd, body), Duration.ofSeconds(5));
    }

    /** The response to request {@code id}; responses to other ids are kept for their own callers. */
    public Packet.Response response(long id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Packet.Response early = stashed.remove(id);
        if (early != null) {
            return early;
        }
        while (true) {
            long left = deadline - System.nanoTime();
            Packet.Response r;
            try {
                r = left <= 0 ? null : responses.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
            if (r == null) {
                throw new AssertionError("no response to request " + id + " within " + timeout.toMillis() + " ms");
            }
            if (r.requestId() == id) {
                return r;
            }
            stashed.put(r.requestId(), r);
        }
    }

    /** The next push that matches; others are dropped on the way. */
    public Packet.Push awaitPush(Predicate<Packet.Push> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Packet.Push p;
            try {
                p = left <= 0 ? null : pushes.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
            if (p == null) {
                throw new AssertionError("no matching push within " + timeout.toMillis() + " ms");
            }
            if (match.test(p)) {
                return p;
            }
        }
    }

    /** Whether a matching push arrives within {@code window}. */
    public boolean pushArrives(Predicate<Packet.Push> match, Duration window) {
        try {
            awaitPush(match, window);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    public boolean awaitClosed(Duration timeout) {
        try {
            return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    /** The Close push the server sent, or null. */
    public Close closePush() {
        return close;
    }

    /** WebSocket close code (1006 = no close frame, the connection just dropped), or null. */
    public Short closeStatus() {
        return ws.closeStatusCode();
    }

    public int pings() {
        return pings.get();
    }

    public int textFrames() {
        return textFrames.get();
    }

    @Override
    public void close() {
        if (!ws.isClosed()) {
            ws.close();
        }
        http.close();
    }
}
