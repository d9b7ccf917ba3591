package io.brokergate.bench.stream;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** {@code n} SSE clients on {@code /v1/events}, each following the bench symbol's quotes. */
final class SseClients implements AutoCloseable {

    private static final byte[] DATA = "data: ".getBytes();

    private final HttpClient client;
    private final List<HttpClientResponse> streams = new ArrayList<>();

    SseClients(Vertx vertx) {
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(30_000),
                new PoolOptions().setHttp1MaxSize(100_000));
    }

    void open(int n, int port, String token, String account, Deliveries deliveries) throws InterruptedException {
        Semaphore inFlight = new Semaphore(50);
        List<Future<HttpClientResponse>> all = new ArrayList<>();
        String uri = "/v1/events?account=" + account + "&streams=quotes&symbols=" + TickSource.SYMBOL.symbol();
        for (int i = 0; i < n; i++) {
            inFlight.acquire();
            Promise<HttpClientResponse> subscribed = Promise.promise();
            all.add(subscribed.future());
            client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port).setURI(uri)
                            .addHeader("Authorization", "Bearer " + token).setIdleTimeout(0))
                    .compose(req -> req.send())
                    .onComplete(ar -> {
                        if (ar.failed() || ar.result().statusCode() != 200) {
                            inFlight.release();
                            subscribed.tryFail(ar.failed() ? ar.cause() : new IllegalStateException("status " + ar.result().statusCode()));
                            return;
                        }
                        HttpClientResponse r = ar.result();
                        r.handler(new LineSplitter(line -> {
                            if (!subscribed.future().isComplete() && line.toString().startsWith("event: subscribed")) {
                                inFlight.release();
                                subscribed.tryComplete(r);
                            }
                            if (Deliveries.startsWith(line, 0, line.length(), DATA)) {
                                deliveries.message(line, DATA.length, line.length(), System.nanoTime());
                            }
                        }));
                    });
        }
        Future.all(all).toCompletionStage().toCompletableFuture().orTimeout(120, TimeUnit.SECONDS).join();
        all.forEach(f -> streams.add(f.result()));
    }

    int size() {
        return streams.size();
    }

    @Override
    public void close() {
        client.close();
    }

    /** Splits a chunked body into lines; a line may span chunks. */
    private static final class LineSplitter implements io.vertx.core.Handler<Buffer> {
        private final io.vertx.core.Handler<Buffer> lines;
        private Buffer carry = Buffer.buffer();

        LineSplitter(io.vertx.core.Handler<Buffer> lines) {
            this.lines = lines;
        }

        @Override
        public void handle(Buffer chunk) {
            Buffer buf = carry.length() == 0 ? chunk : carry.appendBuffer(chunk);
            int start = 0;
            for (int i = 0; i < buf.length(); i++) {
                if (buf.getByte(i) == '\n') {
                    if (i > start) {
                        lines.handle(buf.slice(start, i));
                    }
                    start = i + 1;
                }
            }
            carry = start < buf.length() ? buf.getBuffer(start, buf.length()) : Buffer.buffer();
        }
    }
}
