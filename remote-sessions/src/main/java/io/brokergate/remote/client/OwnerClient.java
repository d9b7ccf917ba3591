package io.brokergate.remote.client;

import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.messaging.shards.AccountOwners;
import io.brokergate.messaging.shards.AccountOwners.Owner;
import io.brokergate.remote.wire.OwnerCall;
import io.brokergate.remote.wire.OwnerJson;
import io.brokergate.remote.wire.OwnerProblems;
import io.brokergate.api.security.cluster.ServiceCredential;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Sends an SPI call to the pod that owns the account, non-blocking, over a shared Vert.x client
 * with kept-alive connections. A pod that turns the call away ({@code not_owner}) or cannot be
 * reached received nothing: the owner is looked up again and, if it changed, the call goes there
 * once. Anything that may have reached the owner is never resent: a place that fails after it was
 * sent has an unknown outcome ({@code TIMEOUT_UNKNOWN_OUTCOME}, resolved by the caller's lookup by
 * client order id), other calls fail with {@code broker_unavailable}. The owner's own failures
 * arrive as the {@link GatewayException} its adapter raised.
 */
public final class OwnerClient implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OwnerClient.class);

    private final Vertx vertx;
    private final HttpClient http;
    private final AccountOwners owners;
    private final ServiceCredential credential;
    private final long timeoutMillis;
    private final long connectTimeoutMillis;
    private final int maxAnswerBytes;

    /** The tunables of {@link RemoteSessionsSettings}, as values. */
    public record Limits(Duration timeout, Duration connectTimeout, int maxConnectionsPerOwner, int maxAnswerBytes) {

        public static Limits of(RemoteSessionsSettings s) {
            return new Limits(s.timeout(), s.connectTimeout(), s.maxConnectionsPerOwner(), s.maxAnswerBytes());
        }
    }

    public OwnerClient(Vertx vertx, AccountOwners owners, ServiceCredential credential, Limits limits) {
        this.vertx = vertx;
        this.owners = owners;
        this.credential = credential;
        this.timeoutMillis = Math.max(1, limits.timeout().toMillis());
        this.connectTimeoutMillis = Math.max(1, limits.connectTimeout().toMillis());
        this.maxAnswerBytes = limits.maxAnswerBytes();
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setName("brokergate-owners"),
                new PoolOptions().setHttp1MaxSize(limits.maxConnectionsPerOwner()));
        if (credential.authorization().isEmpty()) {
            LOG.warn("brokergate.security.introspection-secret is not set: socket owners will refuse this pod's broker calls");
        }
    }

    /** Whether an owner of the account is known now. */
    public boolean knowsOwner(String accountId) {
        return owners.owner(accountId).isPresent();
    }

    public <A, R> CompletionStage<R> call(String accountId, OwnerCall<A, R> call, A args) {
        Optional<Owner> owner = owners.owner(accountId);
        if (owner.isEmpty()) {
            return CompletableFuture.failedFuture(noOwner(accountId));
        }
        Buffer body = Buffer.buffer(OwnerJson.write(args));
        if (Vertx.currentContext() != null) {
            return attempt(owner.get(), accountId, call, body, true).toCompletionStage();
        }
        // Vert.x's client must be driven from a Vert.x context: from a plain thread, reading an answer can race the
        // event loop delivering it, and the answer is lost without any timeout firing (see api-security's AuthServiceClient).
        Promise<R> answer = Promise.promise();
        vertx.getOrCreateContext().runOnContext(ignored -> attempt(owner.get(), accountId, call, body, true).onComplete(answer));
        return answer.future().toCompletionStage();
    }

    private <A, R> Future<R> attempt(Owner owner, String accountId, OwnerCall<A, R> call, Buffer body, boolean lookAgain) {
        return exchange(owner, accountId, call, body).recover(failure -> {
            if (!(failure instanceof Misdirected misdirected)) {
                return Future.failedFuture(failure);
            }
            Optional<Owner> now = owners.owner(accountId);
            if (lookAgain && now.isPresent() && !now.get().equals(owner)) {
                LOG.debugf("account %s: %s; its owner is now %s", accountId, misdirected.getMessage(), now.get());
                return attempt(now.get(), accountId, call, body, false);
            }
            return Future.failedFuture(new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "the broker connection of account "
                    + accountId + " is moving between pods (" + misdirected.getMessage() + "); retry shortly", Duration.ofSeconds(1)));
        });
    }

    private <A, R> Future<R> exchange(Owner owner, String accountId, OwnerCall<A, R> call, Buffer body) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setAbsoluteURI(owner.url() + call.path(accountId))
                .setConnectTimeout(connectTimeoutMillis).setIdleTimeout(timeoutMillis)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        credential.authorization().ifPresent(a -> options.putHeader(HttpHeaders.AUTHORIZATION, a));
        return http.request(options).transform(connected -> {
            if (connected.failed()) { // no connection: nothing was sent
                return Future.failedFuture(new Misdirected("cannot reach " + owner.url() + ": " + connected.cause().getMessage()));
            }
            return connected.result().send(body).compose(this::read).transform(answered -> answered.failed()
                    ? Future.failedFuture(afterSend(call, owner, answered.cause()))
                    : decode(call, accountId, owner, answered.result()));
        });
    }

    private Future<Answer> read(HttpClientResponse response) {
        Promise<Answer> read = Promise.promise();
        Buffer answer = Buffer.buffer();
        response.handler(chunk -> {
            if (answer.length() + chunk.length() > maxAnswerBytes) {
                read.tryFail("the answer is larger than " + maxAnswerBytes + " bytes");
                response.request().reset();
            } else {
                answer.appendBuffer(chunk);
            }
        });
        response.exceptionHandler(read::tryFail);
        response.endHandler(ignored -> read.tryComplete(new Answer(response.statusCode(), answer.getBytes())));
        return read.future();
    }

    private <A, R> Future<R> decode(OwnerCall<A, R> call, String accountId, Owner owner, Answer answer) {
        int status = answer.status();
        if (status == 200) {
            try {
                return Future.succeededFuture(OwnerJson.read(answer.body(), call.result()));
            } catch (IOException | RuntimeException e) {
                return Future.failedFuture(afterSend(call, owner, e));
            }
        }
        if (status == 204 && call.isVoid()) {
            return Future.succeededFuture();
        }
        if (OwnerProblems.isNotOwner(status, answer.body())) {
            return Future.failedFuture(new Misdirected(owner.url() + " does not own it"));
        }
        if (status == 401) {
            LOG.errorf("the socket owner at %s refused this pod's service credential: brokergate.security.introspection-secret "
                    + "must be the same in every pod", owner.url());
            return Future.failedFuture(new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "the socket owner of account "
                    + accountId + " refused this pod's credential (a configuration error)"));
        }
        GatewayException problem = OwnerProblems.decode(answer.body());
        if (problem != null) {
            return Future.failedFuture(problem);
        }
        return Future.failedFuture(status >= 500 ? afterSend(call, owner, new IOException("HTTP " + status))
                : new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "the socket owner answered HTTP " + status));
    }

    /** The call may have reached the owner, which may have acted on it. */
    private static GatewayException afterSend(OwnerCall<?, ?> call, Owner owner, Throwable cause) {
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (call.placesOrder()) {
            return new GatewayException(ErrorCode.TIMEOUT_UNKNOWN_OUTCOME, "the socket owner did not confirm the order "
                    + "submission (" + why + "); the order may exist: look it up by client order id before resending",
                    null, null, cause);
        }
        return new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "the socket owner at " + owner.url() + " did not answer "
                + call + " (" + why + ")", null, null, cause);
    }

    private static GatewayException noOwner(String accountId) {
        return new GatewayException(ErrorCode.BROKER_UNAVAILABLE, "no pod holds the broker connection of account " + accountId
                + " yet; retry shortly", Duration.ofSeconds(1));
    }

    @Override
    public void close() {
        http.close();
    }

    private record Answer(int status, byte[] body) {
    }

    /** Nothing reached an owner: the pod is not it, or could not be reached. */
    private static final class Misdirected extends RuntimeException {
        Misdirected(String message) {
            super(message, null, false, false);
        }
    }
}
