package io.brokergate.api.security.cluster;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** Non-blocking calls from a service to auth-service, with a whole-request timeout and a bounded answer size. */
final class AuthServiceClient {

    private final Vertx vertx;
    private final HttpClient client;
    private final long timeoutMs;

    AuthServiceClient(Vertx vertx, Duration timeout) {
        this.vertx = vertx;
        this.timeoutMs = Math.max(1, timeout.toMillis());
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMs)));
    }

    CompletionStage<Buffer> get(String url, int maxBytes) {
        return send(options(url, HttpMethod.GET), null, maxBytes);
    }

    CompletionStage<Buffer> get(String url, String authorization, int maxBytes) {
        return send(options(url, HttpMethod.GET).putHeader(HttpHeaders.AUTHORIZATION, authorization), null, maxBytes);
    }

    CompletionStage<Buffer> postForm(String url, String authorization, String form, int maxBytes) {
        RequestOptions options = options(url, HttpMethod.POST)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded")
                .putHeader(HttpHeaders.AUTHORIZATION, authorization);
        return send(options, Buffer.buffer(form), maxBytes);
    }

    void close() {
        client.close();
    }

    private RequestOptions options(String url, HttpMethod method) {
        return new RequestOptions().setAbsoluteURI(url).setMethod(method).setTimeout(timeoutMs)
                .putHeader(HttpHeaders.ACCEPT, "application/json");
    }

    /**
     * Runs the exchange on a Vert.x context. Called from a plain thread, the continuations below
     * would run on that thread whenever the previous step had already completed, and reading the
     * body there races the event loop delivering its end: the answer is then lost and nothing
     * times out (seen about once in 500 calls).
     */
    private CompletionStage<Buffer> send(RequestOptions options, Buffer body, int maxBytes) {
        if (Vertx.currentContext() != null) {
            return exchange(options, body, maxBytes).toCompletionStage();
        }
        Promise<Buffer> answer = Promise.promise();
        vertx.getOrCreateContext().runOnContext(ignored -> exchange(options, body, maxBytes).onComplete(answer));
        return answer.future().toCompletionStage();
    }

    private Future<Buffer> exchange(RequestOptions options, Buffer body, int maxBytes) {
        return client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().compose(buffer -> {
                    if (response.statusCode() != 200) {
                        return Future.failedFuture(new AuthServiceException("HTTP " + response.statusCode()));
                    }
                    if (buffer.length() > maxBytes) {
                        return Future.failedFuture(new AuthServiceException("answer larger than " + maxBytes + " bytes"));
                    }
                    return Future.succeededFuture(buffer);
                }));
    }

    /** auth-service answered, but not as expected; the message never contains a credential. */
    static final class AuthServiceException extends RuntimeException {
        AuthServiceException(String message) {
            super(message, null, false, false);
        }
    }
}
